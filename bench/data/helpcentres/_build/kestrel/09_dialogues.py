# ---------------- clarified ----------------
D("clarified", "Bill looks wrong", [
 "Hi, the bill this month is wrong, there's a charge on it I don't recognise.",
 "Sorry about that! So I can point you the right way, is this for a personal account or a Kestrel Business account?",
 "company one",
], "billing-faq-business",
 "Thanks! On business accounts you can dispute a charge within 90 days of the invoice date through Business Hub > Billing > Dispute. The disputed amount is excluded from late payment charges while we review it, and we aim to respond within 15 working days.")

D("clarified", "Want to cancel", [
 "I want to cancel please",
 "I'm sorry to hear that. Is it your mobile plan or your Home Fibre broadband you'd like to cancel?",
 "the internet one. not going to another provider, just don't need it",
], "cancel-broadband",
 "Understood. To cancel Home Fibre without switching we need 30 days' notice by chat or phone, and you'll be charged up to the end of that period. If you're still in your minimum term there's an early termination charge (remaining monthly charges minus VAT and a 4% discount), and the Hub needs to come back within 30 days in the free returns bag or there's a £60 charge.")

D("clarified", "Leaving", [
 "how do I leave kestrel",
 "Sorry to see you go! Is it your mobile or broadband, and are you moving to another network?",
 "the phone. yes going to a different network and want to keep it",
], "port-out",
 "No problem - text PAC to 65075 from your Kestrel phone and we'll reply within a minute with your code, plus any early termination charges and device plan balance. Give the PAC to your new provider (it's valid for 30 days); there's no 30-day notice period, as we stop charging airtime from the day your number moves.")

D("clarified", "Using phone abroad", [
 "Hiya, how much does it cost to use my phone abroad?",
 "Happy to help! Where are you travelling to?",
 "Canada, Toronto then Vancouver",
], "travel-pass-worldwide",
 "Canada is in Roam Zone 2, so you'll want the Worldwide Travel Pass: it's £6 a day on pay monthly and lets you use your UK allowance. It isn't automatic, so add it in the app under Add-ons > Travel before you leave - you're only charged on days you use the phone, and each day lasts 24 hours from first use.")

D("clarified", "Phone abroad", [
 "how much is it to use my mobile abroad",
 "Where are you off to, and is it a personal line or a work phone?",
 "personal, lisbon for a week",
], "roaming-europe",
 "Portugal is in Roam Zone 1, so it's added automatically: on pay monthly plans started after 1 June 2023 it's £2.25 for each day you use your phone (Max plans and older plans have no daily charge). You use your normal UK allowance, and the day runs midnight to midnight UK time.")

D("clarified", "Roaming charges", [
 "Hi, what do we pay for roaming in Europe?",
 "Hi! Is this for a personal plan or a Kestrel Business account, and which plan are you on?",
 "work phones, we're on Business Essentials",
], "business-roaming",
 "On Business Essentials it's £2.00 per line per day in Zone 1, charged on each day a line calls, texts or uses data. Business lines don't have a 10-day limit, and there's a 25GB per line fair use limit, above which data is £2.50 per GB.")

D("clarified", "Lost phone", [
 "I've lost my phone, what do I do??",
 "Oh no, sorry to hear that. Are you in the UK at the moment or abroad?",
 "I'm in Malaga, on holiday till next Sunday",
], "lost-phone-abroad",
 "First, bar your SIM by calling +44 333 555 0100 or via Lost or stolen in the app on any device - it's instant. If you report within 12 hours of noticing, we cap your liability for roaming and international charges at £50. We can't post SIMs abroad, but if you have an eSIM-compatible phone we can issue an eSIM to your number through the app after security checks.")

D("clarified", "Lost phone", [
 "lost my phone",
 "Sorry to hear that! Where are you - in the UK or travelling?",
 "at home in Leeds, think I left it on the train this morning",
], "lost-stolen-phone",
 "Please bar your SIM straight away in the app (Account > Lost or stolen) or on 0800 555 0199 - if you report within 24 hours of noticing, your liability for others' charges is capped at £100. You keep your number: a replacement SIM is free by post (2-3 working days) or same day in store with photo ID.")

D("clarified", "New service", [
 "My new kestrel thing isn't working",
 "Sorry about that! Is it your new SIM or your new Home Fibre broadband?",
 "the broadband, the box light is orange. today's the go live day",
], "broadband-getting-started",
 "On go-live day the service can come on any time up to 11pm, so an orange light before then usually just means it isn't live yet. Check the cables, and once it's live the light will go flashing blue then solid blue within about 10 minutes. If it's still orange after 11pm, let us know.")

D("clarified", "Not working", [
 "phone not working at all",
 "Sorry to hear that. Are you in the UK or abroad right now, and is it calls, data or both?",
 "croatia, landed this morning. texts ok, no data",
], "roaming-not-working",
 "Croatia is Zone 1, so roaming should work. Please check Data roaming is turned on in your phone settings and restart the phone; if it still won't connect, turn off automatic network selection and pick one of our partner networks listed in the app under Roaming > Partners. The APN should be kestrel.internet.")

D("clarified", "Moving my number", [
 "hi can you move my number",
 "Sure - do you mean bringing a number to Kestrel from another network, or taking your Kestrel number elsewhere?",
 "bring it over, I just joined you last week",
], "port-in",
 "Great - get a PAC from your old provider by texting PAC to 65075, then enter it in the app under Account > Bring my number (you can do this up to 30 days after joining). If you submit it before 4pm on a working day, your number moves the next working day, usually by 2pm.")

D("clarified", "Price rise", [
 "how much is my price going up in april",
 "Let me check - is that for a mobile or broadband plan, and is it a personal or business account?",
 "broadband. just me, at home",
], "billing-faq-consumer",
 "For personal Home Fibre plans the annual April change is a fixed £3.00 a month, as shown in your contract summary. Add-ons bought separately and device plans aren't affected.")

D("clarified", "April price change", [
 "Morning, our finance director wants to know the April price increase",
 "Good morning! Is that on business lines, or a personal plan?",
 "business lines, we've got 22",
], "billing-faq-business",
 "Business line rental rises by a fixed £2.20 per line per month each April, so for 22 lines that's £48.40 a month more. Data-only SIMs and Business Broadband rise by £2.50 a month, and bolt-on prices aren't affected.")

D("clarified", "Refund", [
 "can I get some money back please",
 "Of course I'll look into it - what happened?",
 "broadband was completely dead from tuesday to saturday last week",
], "broadband-outage-compensation",
 "Sorry about that. If the loss of service wasn't fixed within 2 full working days of your report, you get automatic compensation of £9.76 per day until it was fixed. It's added to your bill as a credit within 30 days of the fix - you don't need to claim.")

D("clarified", "Refund", [
 "I want a refund for last week",
 "Sorry to hear something went wrong. What happened?",
 "no mobile signal for 4 days, your mast near me was broken",
], "network-coverage",
 "Sorry about that. If a network fault (not planned work) stops your mobile working for more than 3 days in a row, we credit the airtime charges for those days. Just ask within 30 days of the fault being fixed and we'll add it.")

D("clarified", "Moving", [
 "I'm moving soon, what do I need to do?",
 "Congratulations! Do you mean moving home with your broadband, or something with your mobile?",
 "house. want to take the fibre with me",
], "home-move",
 "Let us know via Home > Moving home in the app, ideally 30 days and at least 14 days before. There's a £45 move fee, waived if you start a new 24-month contract, and your current contract carries on at the new address. If the new line isn't ready on moving day we can lend you a Kestrel Bridge 4G hub for up to 30 days.")

D("clarified", "Blocking", [
 "how do i block stuff",
 "Happy to help - what would you like to block: websites for your kids, or calls and texts from a number?",
 "websites. kids. on our home wifi",
], "parental-controls",
 "You'll want SafeHome, which is off by default - switch it on in the app under Home > SafeHome. Choose Moderate to block adult content and gambling (or Strict to add social media, gaming and chat), and you can set up to 5 homework-time schedules. Changes take up to 15 minutes to apply.")

D("clarified", "Blocking", [
 "how do i block something",
 "Sure - is that websites for children, or a caller or texter?",
 "a number keeps texting me pretending to be my bank",
], "scam-texts",
 "Forward the texts to 7726 (free) so they can be reported, and you can block up to 20 numbers on your line in the app under Settings > Blocked numbers. Remember we and your bank will never ask you to pay through a link or read out a code we've texted you.")

D("clarified", "Out of data", [
 "I've run out of data, help",
 "No problem! Are you on a pay monthly plan or Kestrel Flex pay as you go?",
 "payg",
], "prepaid-topup",
 "On Flex you can buy a 30-day bundle from your credit: Flex 10 (£10, 8GB), Flex 15 (£15, 30GB) or Flex 20 (£20, 100GB), all with unlimited minutes and texts. Without a bundle data is 10p per MB. You can top up from £5 in the app, by calling 4444, or with a PayPoint voucher.")

D("clarified", "SIM not working", [
 "sim isn't working",
 "Sorry about that! Is this a brand new SIM, or one that's stopped working?",
 "brand new, put it in about an hour ago",
], "sim-getting-started",
 "New SIMs usually activate within an hour but it can take up to 24 hours from first inserting it, so it may just need a bit longer. If you see 'SIM not supported' or 'Invalid SIM', the phone is probably locked to another network. If data isn't working after 24 hours, set the APN to kestrel.internet.")

D("clarified", "Broken phone", [
 "my phone is broken",
 "Sorry to hear that. Was it damaged (dropped, wet) or has it just stopped working, and do you have Kestrel Protect?",
 "no insurance. it just stopped charging, had it 3 months",
], "device-repair-warranty",
 "Between 30 days and 6 months we'll repair it, or replace it if it can't be repaired. Back it up, sign out of Find My/Google, and book the repair in the app under Account > Devices > Report a fault - we'll send a prepaid box. Repairs take 7 to 10 working days.")

D("clarified", "Broken phone", [
 "phone's broken",
 "Oh no - what happened, and do you have Kestrel Protect insurance?",
 "dropped it, screen smashed. yes I have your insurance, it cost about £650",
], "insurance",
 "A £650 phone is Tier 2, but for a screen-only repair at one of our repair partners the excess is just £25. Make the claim in the app under Account > Kestrel Protect > Make a claim within 30 days, and repairs take around 5 working days - you can borrow a loan phone from a store meanwhile.")

# ---------------- multi_issue ----------------
D("multi_issue", "Travel and calls", [
 "Hi, going to New York in March, how do I use my phone there?",
 "The USA is Zone 2, so add the Worldwide Travel Pass in the app before you go - it's £6 a day on pay monthly, only on days you use the phone.",
 "Perfect thanks. Different thing - when I'm back home I need to call my gran in Poland a lot, what's the cheapest way?",
], "international-calls-from-uk",
 "The International 300 add-on is £5 a month for 300 minutes to landlines and mobiles in 60 countries including Poland. Without it, calls from the UK to Poland are £1.00 a minute. It renews monthly, and if you cancel it ends at your next bill date.",
 "travel-pass-worldwide")

D("multi_issue", "Late fee and daughter's phone", [
 "Why have I got a £7.50 charge on my bill?",
 "That's the late payment fee - it's added if a bill is still unpaid 14 days after its due date, once per bill.",
 "ok fair. while I have you, my daughter keeps going over on her phone - can I stop it?",
], "spend-cap",
 "Yes - as account holder you can set a spend cap on her line in the app under Settings > Spend cap, anywhere from £0 to £200 in £5 steps. Lowering it takes effect immediately, and we text at 80% and when the cap is reached; her plan allowances keep working.",
 "billing-faq-consumer")

D("multi_issue", "Number and eSIM", [
 "I gave you my PAC yesterday at 2pm, when does my number move?",
 "As it was before 4pm on a working day, it should move today, usually by 2pm.",
 "great. also I want to use an esim instead of the plastic one, is that possible?",
], "esim",
 "Yes, and it's free - go to Settings > SIM > Switch to eSIM in the app and we'll show and email a QR code. It's single use and expires after 7 days, and your physical SIM stops working once the eSIM activates.",
 "port-in")

D("multi_issue", "Cancelling both", [
 "I'm emigrating so I need to cancel my broadband",
 "Sorry to see you go. Broadband needs 30 days' notice by chat or phone, and the Hub must be returned within 30 days.",
 "ok. and the mobile too, I won't need the number",
], "cancel-contract",
 "For the mobile, give us 30 days' notice by chat or phone (it can't be done in the app); you're charged until the end of the notice period. If you're still in the minimum term there's an early termination charge of the remaining airtime charges minus VAT, and any device plan needs paying off.",
 "cancel-broadband")

D("multi_issue", "Upgrade and trade in", [
 "Can I upgrade? I've paid 15 months of my phone plan",
 "Yes - after 12 payments you can upgrade by paying off the rest of your device plan, with no extra fee.",
 "brilliant. and can I get money for the old one? it's got a small crack on the back",
], "trade-in",
 "Yes, get a quote with the trade-in tool and mention the crack so the quote is accurate - it's guaranteed for 14 days. We send a free pack, assess within 3 working days, and pay by bank transfer within 5 working days or as bill credit with a 10% bonus.",
 "upgrade-phone")

D("multi_issue", "Slow broadband and outage", [
 "my broadband is really slow lately",
 "Sorry! Please restart the Hub (off at the wall for 30 seconds) and run the Kestrel Speed Test on a cable 3 times at different times of day.",
 "will do. it also went completely off for 3 working days last month, was I meant to get something for that?",
], "broadband-outage-compensation",
 "Yes - if a total loss of service isn't fixed within 2 full working days of you reporting it, you get £9.76 per day automatically as a bill credit within 30 days of the fix. If you think it's missing, contact us within 6 months and we'll check.",
 "broadband-slow")

D("multi_issue", "Content lock and calls", [
 "Some sites are blocked on my phone saying 18+",
 "That's Content Lock - you can remove it in the app with a credit card age check (nothing is charged) or in store with photo ID.",
 "done thanks. other thing, my signal at home is awful and calls drop",
], "wifi-calling",
 "Turn on Wi-Fi Calling so calls and texts go over your home Wi-Fi - on iPhone it's Settings > Phone > Wi-Fi Calling. It's free and uses your normal allowance; you'll just need to add your emergency address in the app first.",
 "parental-controls")

D("multi_issue", "Scam and new number", [
 "Got a weird text saying it's Kestrel asking me to click a link to pay",
 "That's not us - please forward it to 7726, it's free. We'll never ask you to pay a bill through a link in a text.",
 "thanks. honestly I'm getting so many of these I want a completely new number",
], "change-number",
 "You can do that in the app under Account > My number > Change number and pick from 5 numbers. On pay monthly the first change in 12 months is free (then £10), and it's usually active within 2 hours.",
 "scam-texts")

D("multi_issue", "Data and Spain", [
 "How much is extra data? I'm nearly out",
 "You can add 2GB for £4 or 10GB for £10 until your next bill date, or an Unlimited Day Pass for £3.",
 "ok and I'm in Spain next week, will that extra data work there?",
], "roaming-europe",
 "Spain is Zone 1, so you use your UK allowance (including add-on data) for the daily charge - £2.25 on pay monthly plans started after June 2023. Note the Unlimited Day Pass only works in the UK, and there's a 30GB fair use limit abroad.",
 "data-add-ons")

D("multi_issue", "Business setup and travel", [
 "We just ordered 12 SIMs for our team, when do they arrive?",
 "If ordered before 3pm on a working day they arrive the next working day.",
 "Thanks. Two of the team travel to the US a lot, what do we need to set up?",
], "business-roaming",
 "New business lines are 'Zone 1 only' by default, so an admin needs to change those lines to 'Roaming on' in Business Hub > Lines > Roaming. Then switch on the Business Travel Pass for them - it's £5 per line per day in Zone 2 and applies automatically once set.",
 "business-getting-started")

D("multi_issue", "Stolen phone and claim", [
 "My phone was stolen last night, I've barred the SIM already",
 "Thanks for doing that quickly - you keep your number, and a replacement SIM is free by post or same day in store.",
 "ok. I have kestrel protect, how do I claim and how fast can I get a phone?",
], "insurance",
 "Report the theft to the police within 24 hours and then claim in the app under Account > Kestrel Protect > Make a claim within 30 days, paying the excess. If it's approved before 2pm on a working day, the replacement arrives the next working day.",
 "lost-stolen-phone")

# ---------------- single ----------------
D("single", "Trade in", ["Hello! Quick one - I sent my old phone for trade in, how long until you check it?"], "trade-in",
 "We assess devices within 3 working days of receiving them. If it matches the quote we pay within 5 working days by bank transfer (or as bill credit with a 10% bonus); if the condition is worse you'll get a revised quote with 7 days to accept or have it back free.")
D("single", "Upgrade", ["hi there, hope you're well. I'm on a Refresh plan from 2021, when am I allowed a new phone?"], "upgrade-phone",
 "On older Refresh plans you're eligible to upgrade 60 days before the end of your contract. You can check your device plan and upgrade in the app - and note every new device plan needs a credit check.")
D("single", "eSIM deleted", ["Oops. I was clearing out settings and I deleted the esim off my phone. Is my account gone??"], "esim",
 "Don't worry - deleting the eSIM doesn't cancel your plan or lose your number. Just request a new QR code in the app under Settings > SIM > New eSIM; it's free up to 3 times a month.")
D("single", "New number cost", [
 "Hi, I changed my number in February because of an ex, and now I need to change it again as they've found it. Do I have to pay? I'm on a monthly contract.",
], "change-number",
 "Sorry you're dealing with that. On pay monthly the first change in any 12 months is free and further changes are £10. You can do it in the app under Account > My number > Change number, and the new number is usually active within 2 hours.")
D("single", "Maintenance", ["when do you usually do network works? signal drops in the middle of the night"], "network-coverage",
 "Planned maintenance usually happens between midnight and 6am. You can see planned work and known problems for your postcode on the network status page in the app.")
D("single", "Wifi calling abroad", [
 "Morning! Off to Tenerife next week and the hotel has wifi. If I call my mum's landline in the UK using wifi calling, will it cost me roaming?",
], "wifi-calling",
 "No roaming charges - when you're on Wi-Fi abroad, calls to UK numbers are treated as UK calls and come out of your allowance. Calls to non-UK numbers would be charged at international rates.")
D("single", "PAYG credit", ["hello, I've got £30 on my pay as you go but haven't used the phone since last summer. Is the money still there?"], "prepaid-topup",
 "Credit stays as long as the SIM is used. After 120 days without a chargeable call, text, data session or top-up we text a warning, and after 150 days in total the SIM is disconnected and credit is lost - so if it's been longer than that the SIM may have been disconnected.")
D("single", "Insurance cancel", ["I took out kestrel protect 9 days ago but don't think I need it. can I get my money back?"], "insurance",
 "Yes - you can cancel within 14 days of taking it out for a full refund, as long as you haven't made a claim. After that it's 30 days' notice.")
D("single", "Warranty", [
 "Hiya. bought my phone from you about 20 months ago, the microphone has stopped working, nobody can hear me. I haven't dropped it or anything.",
], "device-repair-warranty",
 "Between 6 and 24 months faults are repaired under the manufacturer's warranty, which we arrange. Book it in the app under Account > Devices > Report a fault (or take it to a store) and we'll send a prepaid box; repairs take 7 to 10 working days.")
D("single", "Employee leaving", [
 "Hi, one of our sales guys is leaving and wants to keep his work number. We're happy for him to have it. How does that work?",
], "business-lines-management",
 "That's a transfer of ownership: start it in the Business Hub under Lines > Transfer ownership, he accepts by email and passes a personal credit check, and it completes within 5 working days. There's no Kestrel charge, but if the line is still in its minimum term the business pays the early termination charge.")
D("single", "Paper bill", ["hello, I don't use the internet much. can I have my bills posted, and what does it cost? I'm 78"], "billing-faq-consumer",
 "Of course - paper bills are normally £2.50 a month, but they're free for customers aged 75 or over, so you won't pay anything. Large print and braille bills are free too if you need them.")
D("single", "Roll over", ["do I lose the data I don't use each month? I'm on the Max plan"], "data-add-ons",
 "On Kestrel Max plans up to one month's unused allowance rolls into the next month, and rolled-over data is used first. Add-on data never rolls over.")
D("single", "Cap", ["Good afternoon. Can I make it so my son's phone can't spend anything beyond his monthly plan at all?"], "spend-cap",
 "Yes - set his spend cap to £0 in the app under Settings > Spend cap, which means nothing outside his allowance can be charged. He can still call 999, receive calls and call us free.")
D("single", "India calls", ["how much to phone India from UK? my parents live in Delhi and I call them every day"], "international-calls-from-uk",
 "Standard rates to India are £2.00 a minute, so the International 300 add-on is much better value: £5 a month for 300 minutes to landlines and mobiles in 60 countries including India.")
D("single", "Japan", ["going to japan for my honeymoon!! will the travel pass work there?"], "travel-pass-worldwide",
 "Congratulations! Japan is in Zone 2, so the Worldwide Travel Pass works there - £6 a day on pay monthly, only charged on days you use the phone. Just add it in the app under Add-ons > Travel before you go.")
D("single", "Cruise", ["We're going on a cruise round the Greek islands. Will my normal European roaming work while we're at sea?"], "roaming-europe",
 "On land in Greece the Zone 1 daily charge applies as usual, but at sea your phone may connect to the ship's network, which isn't covered: £5 per MB, £2.50 a minute and 50p per text. Use airplane mode at sea to avoid those charges.")
D("single", "PAC", ["hi, how long do I have to use my PAC code? I got it a couple of weeks ago"], "port-out",
 "Your PAC is valid for 30 days from when you got it. If you don't use it within that time nothing happens and your Kestrel plan carries on as normal - you can request a new one by texting PAC to 65075.")
D("single", "Cooling off", [
 "Hello, I ordered a phone online and it came 6 days ago, but honestly I don't like it. Can I return it and cancel everything?",
], "cancel-contract",
 "Yes, you're within the 14-day cooling-off period. Return the phone in its original condition and packaging with the free prepaid label we'll email you; you just pay for any usage so far, and the refund is made within 14 days of us receiving it.")
D("single", "Move fee", ["how much does it cost to move my broadband to my new flat"], "home-move",
 "There's a £45 home move fee, which is waived if you start a new 24-month contract at your new address. There's no extra charge if an engineer is needed there.")
D("single", "Engineer charge", [
 "Your engineer is coming Thursday about my slow internet. My husband put in an extension socket years ago. Will we be charged?",
], "broadband-slow",
 "There's no charge if the fault is on our network. If the engineer finds the problem is in your home - like your own extension wiring - there's a £75 charge, but we'll always tell you about it before booking.")
D("single", "Content lock kids", ["my 15 year old wants me to turn off the age block on her phone, I'm fine with it, can you do that?"], "parental-controls",
 "Unfortunately Content Lock can't be removed on a line registered to someone under 18, even with a parent's permission.")
D("single", "Hub lights", ["what does a solid red light on my hub mean"], "broadband-getting-started",
 "Red means there's a fault. Restart the Hub, and if it stays red please contact us so we can look into it.")

# ---------------- out_of_scope ----------------
D("out_of_scope", "Netflix", ["Hi, my netflix keeps buffering on the TV, can you reset my Netflix account?"], None,
 "I'm sorry, we can't access or reset Netflix accounts - you'd need to contact Netflix directly. If you think your broadband itself is slow, I'm happy to help check that.")
D("out_of_scope", "Landlord wifi", ["The wifi in my rented room is provided by my landlord (not Kestrel). Can you give me the password?"], None,
 "Sorry, we can't help with a network that isn't a Kestrel service - your landlord or their provider would need to give you the password.")
D("out_of_scope", "Phone case", ["what's the best phone case brand for a toddler-proof iphone"], None,
 "We don't have a recommendation for phone cases, sorry - that's not something our help centre covers.")
D("out_of_scope", "TV package", ["do you do sports TV channels with the broadband?", "We don't currently offer TV packages, I'm afraid.", "ok do you know which companies do and which is cheapest?"], None,
 "I'm afraid I can't advise on other companies' TV packages - that's something you'd need to compare yourself.")
D("out_of_scope", "Parcel", ["hi, a courier left a card for a parcel but I'm not expecting anything from you. it's from a clothes shop, can you rebook it?"], None,
 "Sorry, we can't rebook deliveries for other retailers - please contact the courier or the shop directly.")
D("out_of_scope", "Satellite", ["Do you sell satellite internet for rural farms?"], None,
 "I'm sorry, we don't offer satellite internet. I can check whether Home Fibre or our mobile coverage reaches your postcode if that helps.")
D("out_of_scope", "Homework", ["hey can u help me with my maths homework, what's 15% of 240"], None,
 "Sorry, I can only help with Kestrel accounts and services here.")
D("out_of_scope", "Student", ["hiya, just started uni. do you do a student discount?", "Let me check that for you.", "thanks, my mate says another network gives 20% off"], None,
 "Thanks for waiting - I'm afraid we don't have a student discount at the moment, so I can't match that offer.")
