# ---------------- clarified ----------------
D("clarified", "Payroll mistake", [
 "We made a mistake on payroll, how do I fix it?",
 "Sorry to hear that! Is this UK or US payroll, and have the payments already gone out?",
 "US. the direct deposits went out on friday, one guy got paid twice",
], "payroll-corrections-us",
 "You can request a direct deposit reversal from the pay run (Actions > Request reversal) within 5 business days of payday - a duplicate payment is one of the cases it's for. It costs $15 per employee, you must tell the employee first, and the employee's bank can refuse it, so it isn't guaranteed.")

D("clarified", "Payroll mistake", [
 "hi, I've messed up this month's payroll",
 "No problem, let's fix it. Is it UK or US payroll, and has it been submitted yet?",
 "uk. fps already went to hmrc this morning",
], "payroll-corrections-uk",
 "Once the FPS has gone, the pay run can't be reopened or deleted, so the fix goes into the next pay run or a supplementary pay run. If you underpaid, add the missing amount and the cumulative tax calculation sorts itself out; if you overpaid, agree it in writing with the employee and add a deduction.")

D("clarified", "Approval deadline", [
 "When's the latest I can approve payroll?",
 "It depends - is that UK or US payroll, and how do you pay staff?",
 "US, we're on the Scale plan",
], "pay-run-us",
 "On Scale you get 2-day direct deposit, so approve by 5pm Eastern Time, 2 business days before payday. If payday is a federal bank holiday, staff are paid the business day before, so approve a day earlier.")

D("clarified", "Approval deadline", [
 "what's the cut off for approving payroll",
 "Happy to help - is it UK or US payroll, and how are staff paid?",
 "UK, ledgerly pays them for us",
], "pay-run-uk",
 "With Ledgerly Direct Payments, approve by 11am, 2 working days before payday - we then take the money from your account and pay employees on payday. If you miss it, Ledgerly will offer to move payday or let you download a bank file instead.")

D("clarified", "Year end forms", [
 "When do the year end forms go to employees?",
 "Is that for UK or US payroll?",
 "uk",
], "year-end-uk",
 "Employees still employed on 5 April must get a P60 by 31 May, and Ledgerly publishes P60s to the employee portal automatically by 20 April. You can also download them as PDFs to print.")

D("clarified", "Year end forms", [
 "hi when do staff get their year end tax forms",
 "Hi! Are your employees in the UK or the US?",
 "US - we're in Ohio",
], "year-end-us",
 "Ledgerly files W-2s with the SSA and publishes them in the employee portal by January 31. Any changes need to be made in Ledgerly by January 15, and if you'd like paper copies mailed it's $4 per employee, chosen by January 15 in Payroll > Year-end.")

D("clarified", "Discount", [
 "What discount can we get on ledgerly?",
 "Are you an accounting firm paying for clients, or a single business?",
 "we're a bookkeeping practice, about 15 clients",
], "billing-faq-partners",
 "Partner-billed subscriptions are 30% off list price (including the payroll add-on), all on one invoice on the 1st of the month, due in 14 days. With 15 active partner-billed clients you'd be in the Silver tier, which also gives your practice a free Growth plan.")

D("clarified", "Paying for Ledgerly", [
 "can we pay you by bank transfer?",
 "Sure, let me check. Is this for your own company's subscription, or an accounting partner invoice?",
 "just our own company, we're in the US on monthly",
], "billing-faq-subscription",
 "For your own subscription, ACH bank transfer is only available on annual plans in the US. On monthly billing you can pay by Visa, Mastercard or American Express card.")

D("clarified", "Getting started", [
 "hi, I'm new - how do I get started?",
 "Welcome! Are you starting with invoicing or with payroll?",
 "invoicing. want to send my first one today",
], "getting-started-invoicing",
 "Add your logo (PNG or JPG up to 2 MB) and details in Settings > Invoice branding, then click New invoice, choose the customer and add line items. Preview and Send - the customer gets an email with a link to pay online and a PDF attached. Default payment terms are 30 days, which you can change in Settings > Invoice defaults.")

D("clarified", "Getting started", [
 "how do I get started",
 "Happy to help! With invoicing or payroll?",
 "payroll. we've been using another provider since april",
], "getting-started-payroll",
 "Because you've already paid staff this tax year, you must enter year-to-date figures for each employee before your first Ledgerly pay run - otherwise tax is calculated as if nothing had been paid. Note YTD figures can't be edited after your first pay run is approved, so check them against your old provider first.")

D("clarified", "Bank problem", [
 "my bank isn't working in ledgerly",
 "Sorry about that! Is it a new connection you're setting up, or an existing feed that's stopped?",
 "existing one, nothing since tuesday and there's a red label",
], "bank-feed-troubleshooting",
 "The red Reconnect label means your bank consent has expired or your bank wants you to log in again. Click Reconnect on the existing account and log in - please don't add the bank as a new account, as that creates duplicates. Missing transactions will be caught up.")

D("clarified", "Bank", [
 "question about banks",
 "Sure! Are you connecting a bank for the first time, or is an existing feed having problems?",
 "first time. how far back will it pull in",
], "bank-feeds",
 "When you first connect, Ledgerly imports up to 12 months of past transactions from the start date you choose. For anything older, you can upload statement files (CSV, OFX or QIF, up to 1,000 transactions per file).")

D("clarified", "Paying less", [
 "I want to stop paying so much for ledgerly",
 "I understand. Would you like to move to a cheaper plan, or cancel completely?",
 "cheaper plan, we're on scale",
], "change-plan",
 "You can downgrade in Settings > Billing > Change plan (Owner only). Downgrades take effect at the end of your current billing period, so you keep Scale features until then, and you'll need to be within the new plan's limits on users, recurring invoices and bank rules first.")

D("clarified", "Stop paying", [
 "how do I stop paying for ledgerly",
 "Sorry to hear that. Would a cheaper plan help, or do you want to cancel completely?",
 "cancel completely, we're closing the business",
], "cancel-subscription",
 "The Owner can cancel in Settings > Billing > Cancel subscription. It runs to the end of your billing period, then the company is read-only for 90 days so you can view and export everything; after that data is permanently deleted within 30 days. If you run payroll, you'll need to finish your final filings first.")

D("clarified", "Data", [
 "how do I get my data",
 "Do you mean exporting data out of Ledgerly, or importing data into it?",
 "out. everything, for our records",
], "data-export",
 "Go to Settings > Export > Full archive - we'll create a ZIP with all lists as CSV, invoices and bills as PDF, the general ledger for every year, attachments and payroll records. It's usually ready within 24 hours, and the emailed link works for 7 days.")

D("clarified", "Employee", [
 "need help with an employee",
 "Of course - is this a new starter or someone leaving?",
 "leaving, last day is friday",
], "employee-leaving",
 "Open them in People and choose Actions > Mark as leaver with their last working day, before approving their final pay run. Ledgerly pro-rates their salary and adds holiday pay owed from Time off; add any notice pay or bonus yourself. In the UK, the P45 is created once the final pay run is finalised.")

D("clarified", "Employee", [
 "quick employee question",
 "Sure - is this someone joining or leaving?",
 "joining, starts monday. UK",
], "add-employee",
 "Add them in People > Add employee with their name, address, date of birth, NI number (leave blank if they don't have one), start date and pay, plus their P45 or a starter checklist. You can tick Invite to employee portal so they enter their own bank details - the invite is valid for 7 days.")

D("clarified", "Login trouble", [
 "one of my staff can't log in",
 "Sorry about that. Is it her password, or the two-factor codes?",
 "the codes. she got a new phone",
], "two-factor",
 "She can log in with one of her 10 recovery codes and set up 2FA again on her new phone in Profile > Security. If she doesn't have the codes, any Owner or Admin in your company can reset her 2FA in Settings > Users.")

D("clarified", "Customers not paying", [
 "customers keep paying late, what can I do",
 "There are a couple of options - would you like to send automatic reminders, or let customers pay online by card?",
 "the first one",
], "invoice-reminders",
 "Switch on reminders in Settings > Reminders - you can schedule up to 5 per invoice (1 on Starter), before or after the due date, sent at 9am your time. They stop automatically once the invoice is paid, and you can also add late fees.")

D("clarified", "Tax setup", [
 "how do I set up tax",
 "Do you mean payroll taxes, or tax on your invoices?",
 "on invoices. we sell in a few US states",
], "vat-sales-tax",
 "Add your rates in Settings > Sales tax. Ledgerly doesn't look up rates by address, so you enter the rates for each place you sell and can combine state, county and city rates. It reports tax collected but doesn't file sales tax returns.")

D("clarified", "Getting paid", [
 "how can I get paid faster",
 "A few ways! Do you want customers to pay online by card, or to automate reminders?",
 "card payments",
], "ledgerly-pay",
 "Switch on Ledgerly Pay in Settings > Ledgerly Pay - after a quick verification (usually within 1 business day) customers can pay invoices by card or bank. Payouts reach your bank 2 business days after each payment, though your very first payout is held for 7 days.")

D("clarified", "Staff hours", [
 "how do I track staff hours",
 "Is that recording hours worked (clocking in), or tracking holiday and absence?",
 "clocking in. at our cafe, on an ipad by the till",
], "timesheets",
 "Use kiosk mode: run the Ledgerly app on the shared iPad and staff clock in with a 4-digit PIN. Approved timesheets flow into payroll. Time tracking is included on Scale, or $2 / £1.50 per tracked employee per month on Growth.")

# ---------------- multi_issue ----------------
D("multi_issue", "Mileage and holidays", [
 "What mileage rate does ledgerly use for UK claims?",
 "The UK default is 45p per mile for the first 10,000 business miles in the tax year, then 25p - you can change it in Settings > Expenses > Mileage.",
 "Great. Also, can staff carry over unused holiday to next year?",
], "time-off",
 "Yes - set carry-over in Settings > Time off > Policies. The default is 5 days (set 0 to turn it off), and you can make carried-over leave expire after a number of months.",
 "expenses")

D("multi_issue", "New starter and pension", [
 "I've added a new starter, she's invited to the portal",
 "Great - she has 7 days to accept the invite and can enter her bank details there.",
 "thanks. can we hold off putting her in the pension until after probation?",
], "pensions-uk",
 "Yes, you can postpone enrolment for up to 3 months from her start date - switch on postponement in Payroll > Settings > Pensions and Ledgerly sends the postponement notice for you.",
 "add-employee")

D("multi_issue", "Bank and matching", [
 "I've just connected our bank, will the old transactions come in?",
 "Yes, up to 12 months from the start date you chose.",
 "perfect. one client paid 3 invoices in one payment, how do I match that?",
], "reconciliation",
 "In Banking > Reconcile, use Find & match on that payment and tick all three invoices - the totals need to balance. If it only partly covers one, change the amount on that invoice line and the rest stays outstanding.",
 "bank-feeds")

D("multi_issue", "Card fees and retainer", [
 "what do you charge for UK card payments?",
 "Domestic cards are 1.4% + 20p, international cards 2.9% + 20p, with no monthly fee.",
 "ok. I have a monthly retainer client, can their card be charged automatically each month?",
], "recurring-invoices",
 "Yes - set up a monthly recurring invoice and tick Auto-charge if the client has saved their card with Ledgerly Pay. The card is charged on the invoice date; if it fails, they're emailed a payment link and we retry once after 3 days.",
 "ledgerly-pay")

D("multi_issue", "Users and 2FA", [
 "How many users can we have on Growth?",
 "Growth includes 10 users; employees on the portal don't count.",
 "ok. separate thing - I've lost my phone with my authenticator on it and I'm the only admin",
], "two-factor",
 "If you saved your recovery codes, log in with one and set up 2FA on your new phone. If not, as the only Owner/Admin you'll need to contact support - we verify your identity with photo ID and a video call, which takes up to 2 business days.",
 "users-roles")

D("multi_issue", "Import and VAT", [
 "we're moving from spreadsheets, what date should we start from?",
 "We recommend the first day of a VAT quarter, with opening balances from the day before.",
 "makes sense. and can we submit the VAT return straight from ledgerly? we're on growth",
], "vat-sales-tax",
 "Yes - on Growth you can submit MTD VAT returns directly. Connect to HMRC in Settings > VAT (the connection lasts 18 months), review the return and Submit; note returns can't be edited once submitted.",
 "import-data")

D("multi_issue", "Contractor and W-2s", [
 "How do I add a freelancer in the US?",
 "Go to People > Add contractor and ask them to complete Form W-9 in the portal.",
 "thanks. and for our employees, can you post paper W-2s to them this year?",
], "year-end-us",
 "Yes - we can mail W-2s for $4 per employee; choose this by January 15 in Payroll > Year-end. They're also published in the employee portal by January 31.",
 "contractors")

D("multi_issue", "Payroll and a mistake", [
 "Does ledgerly update our tax codes from HMRC?",
 "Yes, we check HMRC every day and apply new codes automatically from the next pay run.",
 "ok good. I also paid someone who left last month in this month's run by mistake, FPS has gone",
], "payroll-corrections-uk",
 "Since the FPS has gone, add a negative adjustment in a supplementary pay run and ask the former employee to return the money - Ledgerly can't recall the payment. BACS and Faster Payments can't be reversed by us.",
 "pay-run-uk")

D("multi_issue", "Downgrade and export", [
 "If I downgrade to starter, do we lose the time off data?",
 "No, Time off is switched off but the data is kept and comes back if you upgrade.",
 "ok. before I do anything I want a full backup, how?",
], "data-export",
 "Go to Settings > Export > Full archive (Owner or Admin). We'll email a ZIP link, usually within 24 hours, that works for 7 days - it includes all lists, PDFs, the general ledger for every year, attachments and payroll records.",
 "change-plan")

D("multi_issue", "App and API", [
 "can I approve payroll from the mobile app?",
 "Yes, payroll approvers can review and approve (with a 2FA code), but not edit pay runs.",
 "nice. our developer also wants to pull invoices via the API, we're on Starter",
], "api-integrations",
 "The API is only available on Growth and Scale - on Starter you can use marketplace integrations but can't create your own API apps. On Growth the limit is 120 requests per minute per company.",
 "mobile-app")

D("multi_issue", "Failed payment and cancelling", [
 "our card payment to ledgerly failed, are we locked out?",
 "We retry after 3, 5 and 10 days; after 10 days unpaid the company becomes read-only until it's paid.",
 "honestly we're thinking of just cancelling. what happens to our data if we do?",
], "cancel-subscription",
 "Your subscription runs to the end of the billing period, then the company is read-only for 90 days - you can view, export or reactivate. After that the data is permanently deleted within 30 days, so export a full archive first.",
 "billing-faq-subscription")

# ---------------- single ----------------
D("single", "P60", ["Hello! When will Ledgerly put the P60s up for my team?"], "year-end-uk",
 "Ledgerly publishes P60s to the employee portal automatically by 20 April, well before the 31 May legal deadline.")
D("single", "Reversal fee", ["how much do you charge to reverse a direct deposit"], "payroll-corrections-us",
 "Direct deposit reversals cost $15 per employee and must be requested within 5 business days of payday, for a wrong amount or duplicate payment only.")
D("single", "Partner late", [
 "Hi, I run a small accountancy firm. Our partner invoice is about three weeks late because our finance person was off sick. Will our clients notice anything?",
], "billing-faq-partners",
 "If a partner invoice is unpaid 21 days after its due date, every partner-billed client becomes read-only and we email each client's owner offering to take over billing at list price. Paying the invoice now will avoid that.")
D("single", "Refund annual", ["we paid for annual 3 weeks ago and it's not for us, any chance of a refund?"], "billing-faq-subscription",
 "Yes - annual plans cancelled within 30 days of the annual payment get a full refund. Payroll add-on charges aren't refundable.")
D("single", "Locked", ["it says my account is locked after I typed my password wrong a few times. how long?"], "two-factor",
 "After 5 wrong passwords the account is locked for 30 minutes. You can wait, or use Forgot password - the reset link is valid for 1 hour.")
D("single", "Owner gone", [
 "Morning. Bit awkward - our co-founder set up Ledgerly and was the owner, but he's left the company and isn't answering. I'm a director. How do I get control of the account?",
], "users-roles",
 "Support can do an ownership recovery - we'll need proof that you're a director or officer of the business, and it takes about 5 business days.")
D("single", "Import limits", ["my customer list csv has 12000 rows, is that ok to import?"], "import-data",
 "Imports are limited to 10,000 rows and 5 MB per file, so split it into two files. Use the template from Settings > Import and save as UTF-8.")
D("single", "Webhook retries", ["our server was down for 6 hours, did we miss ledgerly webhooks?"], "api-integrations",
 "No - if your endpoint doesn't return a 2xx, we retry for 24 hours with increasing delays, so events from a 6-hour outage should be delivered. After 24 hours of failures the webhook is disabled and the app owner emailed.")
D("single", "Offline receipts", ["will the app save receipts I snap when I have no signal?"], "mobile-app",
 "Yes - receipts captured offline are stored on your phone and upload automatically when you're back online.")
D("single", "Chargeback", ["got an email saying a customer disputed their card payment, what now?"], "ledgerly-pay",
 "You have 7 days to upload evidence such as the invoice, proof of delivery and emails. The chargeback fee is £12 / $15, and it's returned if the chargeback goes in your favour.")
D("single", "Late fee", ["can ledgerly add a late fee to overdue invoices automatically?"], "invoice-reminders",
 "Yes - in Settings > Reminders > Late fees choose a fixed amount or 1% to 5% of the outstanding amount, once or every 30 days. It's added the day after the due date, but not to disputed invoices.")
D("single", "Recurring edit", ["if I change the amount on my recurring invoice, does it change the ones already sent?"], "recurring-invoices",
 "No - changes to the recurring template only affect future invoices.")
D("single", "Reconciliation undo", ["I reconciled a load of stuff wrong yesterday, is there an undo button for the whole session?"], "reconciliation",
 "There's no way to undo a whole reconciliation session - unreconcile each item from the account's transaction list (Options > Unreconcile), and it goes back to the reconcile list.")
D("single", "Duplicates", ["after reconnecting our bank we have double transactions everywhere"], "bank-feed-troubleshooting",
 "Select the duplicates in Banking > Transactions and choose Delete - only unreconciled ones can be deleted, so unreconcile any that are already matched first. Next time, use Reconnect on the existing account rather than adding it again.")
D("single", "CIS", ["Hi there, we're a small building company. Can Ledgerly do the CIS deductions for our subbies?"], "contractors",
 "Unfortunately Ledgerly doesn't support the Construction Industry Scheme - you'd need another tool for payments that need CIS deductions. Contractors paid through Ledgerly in the UK are paid gross.")
D("single", "Expense rates", ["receipt is in dollars, what rate does ledgerly convert at?"], "expenses",
 "It uses the exchange rate on the receipt date, and you can override it with the rate from your card statement.")
D("single", "Overtime CA", ["does your timesheet thing do california daily overtime"], "timesheets",
 "Yes - California daily overtime is supported: over 8 hours in a day at 1.5x and over 12 at 2x, alongside federal overtime over 40 hours a week.")
D("single", "Pension opt out", ["an employee opted out of the pension 2 weeks after joining. how do they get the money back?"], "pensions-uk",
 "As it's within 1 month of enrolment, record the opt-out in Ledgerly and any contributions taken are refunded in the next pay run. The employee opts out with the pension provider itself.")
D("single", "P45", ["Hi - when does Ledgerly make the P45 for someone leaving?"], "employee-leaving",
 "The P45 is created once the leaver's final pay run is finalised, and it's published to their employee portal - you can also download it.")
D("single", "Multi-currency", ["Hello, I'm on Starter. Can I invoice my client in euros?"], "getting-started-invoicing",
 "Multi-currency invoicing is on Growth and Scale only, so you'd need to upgrade to invoice in euros. Starter also has a limit of 20 invoices a month.")
D("single", "Local tax", ["we just hired someone in a Kentucky city with a local occupational tax, does ledgerly file it?"], "pay-run-us",
 "Local taxes are supported in Ohio, Pennsylvania and New York City only, so Kentucky local taxes aren't supported - you'd need to file those yourself.")
D("single", "Pause", ["can I pause my ledgerly subscription for summer"], "cancel-subscription",
 "We don't offer pausing, I'm afraid. If you won't use Ledgerly for a while, you can downgrade to Starter to reduce your costs.")

# ---------------- out_of_scope ----------------
D("out_of_scope", "Tax advice", ["should I register my business as a sole trader or a limited company for tax?"], None,
 "I'm sorry, we can't give tax or legal advice - an accountant can help you choose the right structure.")
D("out_of_scope", "Other software", ["how do I export my data out of my old spreadsheet program's macros?"], None,
 "I'm afraid we can't help with other software - please check its own documentation. Once you have CSV files I can help with importing them.")
D("out_of_scope", "HMRC phone", ["what's HMRC's phone number for self assessment?"], None,
 "Sorry, that's outside what we can help with - please check HMRC's own website for their contact details.")
D("out_of_scope", "Inventory", ["can ledgerly track stock levels in our warehouse?", "Let me check that for you.", "thanks, we've got about 400 SKUs"], None,
 "Thanks for waiting - Ledgerly doesn't have inventory or stock tracking, so that isn't something we can do for you.")
D("out_of_scope", "Employee dispute", ["an employee is threatening to take us to a tribunal over dismissal, what should we do?"], None,
 "I'm sorry you're dealing with that, but we can't give employment law advice - please speak to an employment lawyer or advisory service.")
D("out_of_scope", "Printer", ["my printer won't print invoices, it keeps jamming"], None,
 "Sorry, we can't help with printer hardware - please check the printer's manual or manufacturer.")
D("out_of_scope", "Crypto", ["can my customers pay invoices with bitcoin through ledgerly?"], None,
 "I'm afraid that's not something we support.")
D("out_of_scope", "Weekend support", ["hi are you open on weekends? also what's a good accountant near me in leeds"], None,
 "Sorry, I can't recommend individual accountants, and I don't have details on that in our help centre.")
