# Agents declining (no article linked)
for q, r in [
 ("Hi do you have any deals on smart TVs if I take fibre?", "Hi, thanks for asking - we don't sell TVs or other home electronics, I'm afraid."),
 ("Can I get a Kestrel sim that works in my car's dashboard for wifi?", "Sorry, that's not something we support - our SIMs are for phones, tablets and smartwatches on a Kestrel plan."),
 ("is there any way to get a discount because I'm a teacher?", "Thanks for asking! We don't offer occupation-based discounts at the moment."),
 ("Can your engineer mount my TV on the wall while they're here installing fibre?", "I'm afraid our engineers can only install your broadband connection - we don't offer other home services."),
 ("I'd like to rent a phone for 2 weeks for a visiting relative", "Sorry, we don't offer phone rental. A Kestrel Flex SIM in an unlocked phone could be an option."),
 ("do you do business fax lines", "Unfortunately that's not something we offer."),
 ("Can I sell my Kestrel broadband contract to the new tenant moving in?", "I'm sorry, contracts can't be sold or passed on to a new tenant - they'd need to order their own service."),
 ("can i pay my bill in bitcoin", "We don't accept cryptocurrency payments, sorry."),
 ("Do you sell gaming consoles on monthly plans like some networks?", "Not at the moment - we only offer phones, tablets and smartwatches on device plans."),
 ("Can I get a copy of the texts I sent last year for a court case?", "I'm sorry, we don't store the content of text messages, so we can't provide copies."),
 ("will you unlock my old phone from another network?", "We can only unlock phones bought from Kestrel - for a phone from another network, you'd need to ask them."),
 ("my neighbour is using my wifi, can you tell me his name?", "I'm sorry, we can't share information about other people. You can change your Wi-Fi password to stop anyone else connecting."),
 ("Do you have a cheaper plan just for whatsapp?", "We don't have app-only plans, I'm afraid."),
 ("Can I get my bill in Polish?", "Sorry, bills are only available in English and Welsh at the moment."),
 ("do you offer mobile coverage on the london underground trains", "That's not something we currently support, I'm afraid - coverage is only available in some stations via Wi-Fi."),
]:
    HX("decline", q, r)

# Conflicts: two agents link different articles for essentially the same question.
for exp, pairs in [
 ("travel-pass-worldwide", [("How much will it cost me to use my phone in Zurich next month?", "Hi! Switzerland is Zone 2, so add the Worldwide Travel Pass before you go (£6/day): {url}", "travel-pass-worldwide"),
                             ("What's the roaming cost in Switzerland? Heading to Geneva.", "Hi, here's our roaming guide: {url}", "roaming-europe")]),
 ("lost-phone-abroad", [("My phone got stolen in Valencia, can I get a new sim sent here?", "Sorry to hear that - please see \"{title}\" for your options while abroad: {url}", "lost-phone-abroad"),
                         ("phone stolen on holiday in Spain, how do I get a replacement SIM", "Sorry to hear that. Replacement SIMs are covered here: {url}", "lost-stolen-phone")]),
 ("port-out", [("Do I have to give 30 days notice if I'm moving to another network with my number?", "No notice period when you leave with a PAC - see {url}", "port-out"),
               ("Moving to a different network and keeping my number, how much notice do you need?", "You'll find the notice period here: {url}", "cancel-contract")]),
 ("broadband-outage-compensation", [("Internet was down 3 days, do I get anything back?", "Yes, after 2 working days it's automatic - details: {url}", "broadband-outage-compensation"),
                                     ("My fibre was off for three days, is there a refund?", "Sorry about that! Please run through {url} if it happens again.", "broadband-slow")]),
 ("billing-faq-business", [("What's the late fee on our company invoice?", "It's a £25 admin charge per overdue invoice - see \"{title}\" for business: {url}", "billing-faq-business"),
                           ("How much is the late payment charge on our business account?", "Late fees are explained here: {url}", "billing-faq-consumer")]),
]:
    for q, r, linked in pairs:
        HX("conflict", q, r, exp=exp, linked=linked, conflict=True)
