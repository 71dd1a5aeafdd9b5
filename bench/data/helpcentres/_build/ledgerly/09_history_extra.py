for q, r in [
 ("Can Ledgerly track our stock and reorder points?", "Thanks for asking - we don't offer inventory management at the moment."),
 ("Do you have a version of ledgerly for Canadian payroll?", "Sorry, that's not something we support - payroll is available for UK and US companies only."),
 ("Can I get a Ledgerly business debit card for my staff?", "We don't issue cards, I'm afraid."),
 ("Will you do my bookkeeping for me each month?", "We're a software provider, so we don't offer bookkeeping services - many of our accounting partners do, though."),
 ("Can Ledgerly print and post invoices to my customers?", "Sorry, we don't offer a postal service for invoices - you can download the PDF and post it yourself."),
 ("Can I white-label ledgerly with my firm's brand for clients?", "That's not something we offer, unfortunately."),
 ("does ledgerly have a built in CRM for sales leads", "We don't offer a CRM - you can connect one from the integrations marketplace, though."),
 ("can you tell me what salary I should pay my new receptionist", "I'm sorry, we can't advise on pay levels."),
 ("Can I use ledgerly offline on my laptop on a plane?", "The web app needs an internet connection, I'm afraid - offline working isn't supported."),
 ("Do you sell a receipt scanner device?", "We don't sell hardware - the mobile app's camera capture works for receipts."),
 ("Can ledgerly calculate my dividend tax?", "Sorry, we don't do personal tax calculations."),
 ("Can I get a dedicated account manager on Growth?", "Dedicated account managers aren't something we offer on our plans, I'm afraid."),
 ("Does Ledgerly support payroll for household employees like a nanny?", "I'm sorry, household employer payroll isn't something we support."),
 ("Will you audit our accounts at year end?", "We don't provide audit services - you'd need an accountant or auditor for that."),
 ("Can my invoices automatically translate into German?", "Automatic translation isn't something we support, sorry."),
]:
    HX("decline", q, r)

for exp, pairs in [
 ("payroll-corrections-uk", [("The FPS has gone and I spotted a wrong bonus amount, how do I fix it?", "You'll need to correct it in the next pay run - see \"{title}\": {url}", "payroll-corrections-uk"),
                             ("Wrong bonus in a submitted UK pay run, what now?", "Have a look at our pay run guide: {url}", "pay-run-uk")]),
 ("year-end-us", [("A W-2 we already filed has the wrong SSN, how do we fix it?", "We'll file a W-2c ($25 per form) - details here: {url}", "year-end-us"),
                  ("W-2 filed with a wrong social security number, what do I do?", "Here's how corrections work: {url}", "payroll-corrections-us")]),
 ("bank-feed-troubleshooting", [("No transactions from my bank since last week, what's wrong?", "It's likely the consent needs renewing - click Reconnect. More: {url}", "bank-feed-troubleshooting"),
                                ("My bank feed stopped updating a week ago", "Please see our bank feed guide: {url}", "bank-feeds")]),
 ("billing-faq-partners", [("When is our firm's monthly partner invoice due?", "It's issued on the 1st and due in 14 days - see {url}", "billing-faq-partners"),
                           ("As an accounting partner, when do we need to pay the Ledgerly invoice?", "All the billing details are in our \"{title}\": {url}", "billing-faq-subscription")]),
 ("cancel-subscription", [("What happens to our data after we cancel?", "It's read-only for 90 days, then deleted - see {url}", "cancel-subscription"),
                          ("If we cancel Ledgerly, how long is our data kept?", "You can export everything first, see {url}", "data-export")]),
]:
    for q, r, linked in pairs:
        HX("conflict", q, r, exp=exp, linked=linked, conflict=True)
