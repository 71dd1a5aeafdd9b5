A("sim-getting-started", "Getting started with your new Kestrel SIM", """
Welcome to Kestrel Mobile. Here's how to get your new SIM up and running.

## Activating your SIM

1. Pop the SIM out of the card - it's a triple-cut SIM that fits every size of slot.
2. Switch your phone off, put the SIM in and switch it back on.
3. Your SIM activates automatically, usually within **1 hour** and always within **24 hours** of first being inserted.

If you ordered online with a PAC to keep your number, see Bring your number to Kestrel - your SIM works on a temporary number until the switch date.

## Is my phone unlocked?

Kestrel SIMs only work in phones that are **unlocked** or locked to Kestrel. If you see "SIM not supported" or "Invalid SIM", your phone is probably locked to another network - contact them to unlock it.

## Download the Kestrel app

Use the app to check your allowance, pay bills, buy add-ons and manage your account. Log in with the email address you ordered with. First time? Tap **Set password** and we'll email a link.

## Set up voicemail

Dial **123** from your phone and follow the prompts to record a greeting and set a voicemail PIN. Voicemail is free to call from the UK. If you'd rather not have voicemail, text **VOICEMAIL OFF** to **123**.

## Your PIN and PUK codes

Your SIM's default PIN is **0000** (only relevant if you switch on SIM PIN lock). If you enter the wrong PIN 3 times, the SIM locks and you'll need the **PUK code**, which you'll find in the app under **Settings > SIM > PUK**. Entering the wrong PUK **10 times** permanently blocks the SIM and you'll need a replacement.

## Data settings

Most phones set up data automatically. If data isn't working after 24 hours, set the APN to **kestrel.internet** and MMS to **kestrel.mms**.

## Content Lock

Content Lock (blocking 18+ content) is on for every new SIM. See Content Lock and parental controls to remove it.
""",
[
 "put my new kestrel sim in 3 hours ago and still no signal",
 "phone says invalid sim when I put yours in",
 "how do I set up my voicemail on a new sim",
 "don't want voicemail at all, how do i switch it off",
 "my sim is asking for a PUK, where do i get it",
 "what's the default sim pin",
 "i typed the puk wrong a bunch of times, how many tries do I get",
 "does the sim fit my phone, it's a small slot",
 "first time logging into the kestrel app and dont have a password",
 "what's the MMS setting, can't send pictures on new sim",
],
[
 ("How long can it take for a new Kestrel SIM to work?", "Usually within an hour, and always within 24 hours of first inserting it."),
 ("Is calling voicemail charged?", "Voicemail (123) is free to call from the UK."),
 ("My phone is from another network, will your SIM work?", "It needs to be unlocked or locked to Kestrel - if you see 'SIM not supported', ask your old network to unlock it."),
 ("I entered the SIM PIN wrong three times, now what?", "The SIM locks and you'll need the PUK code from the app under Settings > SIM > PUK."),
 ("What APN do I use if data won't work on my new sim?", "Set the APN to kestrel.internet (and MMS to kestrel.mms) if data isn't working after 24 hours."),
 ("Which email do I use to log in to the app?", "Use the email address you ordered with, then tap Set password to get a link."),
]);

A("esim", "Using an eSIM", """
An eSIM is a digital SIM built into your phone. Kestrel supports eSIM on pay monthly, Flex and Business lines.

## Compatible phones

Most phones released since 2019 support eSIM, including iPhone XS and later, Google Pixel 3 and later and Samsung Galaxy S20 and later. Your phone must be **unlocked** or bought from Kestrel. The full list is in the app.

## Switching from a physical SIM to eSIM

It's **free**. In the app, go to **Settings > SIM > Switch to eSIM**. We'll show a QR code on screen and email it to you.

- The QR code is **single use**: once scanned it can't be scanned again.
- It **expires after 7 days** if not used.
- Your physical SIM stops working as soon as the eSIM activates.

## Moving your eSIM to a new phone

- **iPhone to iPhone**: use Apple's eSIM Quick Transfer during setup.
- **Any other phone**: request a new QR code in the app (Settings > SIM > New eSIM). This is free up to **3 times a month**; after that, call us.

If you **delete** the eSIM from your phone, your plan isn't cancelled and your number isn't lost - request a new QR code.

## Dual SIM

You can have a Kestrel eSIM and another network's SIM in the same phone. Choose which line is used for data in your phone settings to avoid roaming or data charges on the wrong line.

## Business lines

Business users can't order an eSIM themselves. An admin orders it in the Business Hub, and the QR code is sent to the user's email.
""",
[
 "how do I swap my plastic sim for an esim",
 "is there a charge for changing to e sim",
 "I accidentally deleted my esim, have I lost my number?",
 "the esim QR code says invalid, I scanned it last week on my old phone",
 "does my galaxy s10 support esim",
 "got a new pixel, how do I move my esim over",
 "i've requested 3 new esim codes this month and it won't let me do another",
 "can I have kestrel on esim and my work sim in the same phone",
 "QR code email from 10 days ago - can i still use it",
 "can i use esim on pay as you go",
 "how do I get an esim for my work phone",
],
[
 ("If I switch to eSIM when does my physical SIM stop?", "As soon as the eSIM activates, the physical SIM stops working."),
 ("Can I use the same eSIM QR code twice?", "No, each QR code is single-use and expires after 7 days - request a new one in the app if needed."),
 ("How do I transfer eSIM between iPhones?", "Use Apple's eSIM Quick Transfer during setup of the new iPhone."),
 ("Do you support eSIM on older iPhones like the 8?", "eSIM is supported on iPhone XS and later, so the iPhone 8 would need a physical SIM."),
 ("Is there a limit to how many eSIM QR codes I can get?", "New QR codes are free up to 3 times a month; after that call us."),
 ("Two SIMs in one phone, how do I stop data going on the wrong one?", "Choose which line is used for data in your phone's settings to avoid unexpected data or roaming charges."),
]);

A("upgrade-phone", "Upgrading your phone", """
With Kestrel your phone and your airtime are on separate plans, so you can upgrade your phone without changing your airtime plan (or the other way round).

## When can I upgrade?

- You can upgrade for free once your **device plan is paid off**.
- You can also upgrade **any time after 12 monthly payments** by paying off the rest of your device plan. There's no extra upgrade fee.
- On older "Refresh" plans (taken before 2022), you're eligible **60 days before** the end of your contract.

The app shows your device plan balance under **Account > Devices**.

## How to upgrade

1. In the app, tap **Upgrade** on the line.
2. Choose a new phone and a device plan length of **12, 24 or 36 months**.
3. Keep your current airtime plan or choose a new one. Changing to a more expensive airtime plan happens immediately; changing to a cheaper one may add an early termination charge if your airtime plan is still in its minimum term.
4. Your new phone arrives with a SIM, but your existing SIM will also work - you keep your number.

## Upfront costs and credit checks

Some phones need an upfront payment. Every new device plan needs a credit check, even for existing customers. If you're declined, you can still buy a phone outright and keep your airtime plan.

## Keeping or trading in your old phone

Your old phone is yours once the device plan is paid off. You can trade it in for credit - see Trading in your old phone.

## Kestrel Protect

Insurance doesn't move automatically. If you want cover on your new phone, add Kestrel Protect during the upgrade.
""",
[
 "am I allowed to get a new phone before my contract ends",
 "I've made 14 payments on my phone, can I upgrade now?",
 "is there a fee for upgrading early",
 "if i upgrade do i have to change my tariff too",
 "do you do a credit check when an existing customer upgrades",
 "got declined for the new phone, what can I do",
 "my contract is from 2021, when can I upgrade",
 "will my insurance carry over to my upgraded handset",
 "how long can the new device plan be",
 "do i keep the same number when i get my upgrade",
 "I'm upgrading - if I drop to a cheaper monthly plan will there be a charge",
],
[
 ("Where can I see how much is left on my phone?", "The app shows your device plan balance under Account > Devices."),
 ("Does the new phone come with a new SIM? Do I have to use it?", "It comes with a SIM, but your existing SIM works too, so you keep your number."),
 ("Can I upgrade after 6 months?", "Early upgrade is available after 12 monthly payments by paying off the rest of the device plan."),
 ("Is insurance transferred when I upgrade?", "No, it doesn't move automatically - add Kestrel Protect during the upgrade if you want cover."),
 ("Can I get a new phone on a 36 month plan?", "Yes, device plans are 12, 24 or 36 months."),
 ("Do I own my old phone after upgrading?", "Yes, once the device plan is paid off the old phone is yours."),
]);

A("trade-in", "Trading in your old phone", """
Get money for your old phone, tablet or smartwatch - even if you didn't buy it from us.

## Getting a quote

Use the trade-in tool in the app or on our website. Answer a few questions about the model and condition. Your quote is **guaranteed for 14 days**, as long as the device matches what you told us.

## Sending your device

We'll send a **free trade-in pack** (or print a free postage label). You must send the device within **14 days** of accepting the quote.

Before sending:

- Back up your data and **sign out of iCloud / Find My** (iPhone) or remove your **Google account** (Android). Locked devices can't be accepted and will be returned.
- Remove your SIM and any memory card.
- Reset the device to factory settings.

## Assessment

We assess devices within **3 working days** of receiving them. If the condition is worse than described (for example, a cracked screen you didn't mention), we'll send a **revised quote**. You have **7 days** to accept it or ask for the device back, which is free. If you don't reply within 7 days, the revised quote is accepted automatically.

## Getting paid

Choose how you'd like to be paid:

- **Bill credit** - applied to your next Kestrel bill, and we add a **10% bonus**.
- **Bank transfer** - paid within **5 working days** of the assessment.

## Things we can't accept

- Devices reported lost or stolen, or with an IMEI block.
- Devices still on a device plan with an outstanding balance (with any provider).
- Phones with water damage are valued at the "not working" price.

Once you've accepted the final value and we've paid you, we can't return the device.
""",
[
 "can I trade in a phone I bought from apple, not you",
 "how long is my trade in valuation valid",
 "you've offered me less than the quote for my old phone, can I get it back",
 "what happens if I ignore the revised trade-in offer",
 "do I have to remove my icloud before trading in my iphone",
 "bill credit or bank transfer for trade in, which is better",
 "when will I be paid for my trade in",
 "can I trade in a phone I'm still paying off with EE",
 "my old phone got wet, can I still trade it",
 "how soon do I need to post the phone after accepting",
],
[
 ("How long does the trade-in assessment take?", "We assess devices within 3 working days of receiving them."),
 ("Do I need to pay postage for a trade in?", "No - we send a free trade-in pack or a free postage label."),
 ("Is there any bonus if I take my trade-in as bill credit?", "Yes, bill credit gets a 10% bonus on top of the value."),
 ("Can I get my phone back after I accepted the trade in payment?", "Once you've accepted the final value and been paid, we can't return the device."),
 ("Will you take a phone that's been reported stolen?", "No, devices reported lost or stolen or with an IMEI block can't be accepted."),
 ("Should I keep the SIM in when posting my trade-in?", "Please remove the SIM and any memory card and factory reset the device first."),
]);

A("device-repair-warranty", "Faulty phone: repairs, returns and warranty", """
If a phone you bought from Kestrel develops a fault, what we do depends on how long you've had it.

| How long you've had it | What we'll do |
|---|---|
| Up to **30 days** | Replace it or give you a refund - your choice |
| 30 days to **6 months** | Repair it; if it can't be repaired, replace it |
| 6 months to **24 months** | Repair under the manufacturer's warranty, arranged by us |
| Over 24 months | Paid repair - we'll give you a quote first |

## What counts as a fault?

A fault is a problem you didn't cause - for example the phone won't charge, the screen flickers by itself or the speaker stops working. **Accidental damage** (drops, cracked screens, liquid damage) **isn't covered** by the warranty. If you have Kestrel Protect, claim on that instead.

## Booking a repair

1. Back up your phone and sign out of Find My / Google account.
2. Book a repair in the app (**Account > Devices > Report a fault**) or take it to a Kestrel store.
3. We'll send a prepaid box, or the store will send it for you.

Repairs take **7 to 10 working days**. If the repairer finds damage that isn't a fault, they'll quote for a paid repair; if you decline, the phone is returned unrepaired and there's a **£25 inspection fee**.

## Loan phones

We don't provide loan phones for warranty repairs, except for Kestrel Protect customers, who can borrow one in store while theirs is being repaired.

## Phones not bought from Kestrel

If you bought your phone elsewhere, contact the seller or manufacturer.
""",
[
 "my phone stopped charging after 3 weeks, can I get a new one",
 "phone is 4 months old and the speaker crackles",
 "dropped my phone and the screen cracked, is that covered under warranty",
 "how long does a repair take",
 "can I have a loan phone while mine is being fixed",
 "the repair centre says it's water damage and I don't want to pay for repair, what happens",
 "phone is 2.5 years old and broke, can you fix it",
 "my samsung from argos is faulty, can kestrel repair it",
 "where in the app do i report a fault with my handset",
 "phone bought 18 months ago now won't turn on",
],
[
 ("Can I get a refund for a phone that broke in the first fortnight?", "Yes, within 30 days we'll replace it or refund it - your choice."),
 ("Is there a charge if I say no to the paid repair quote?", "Yes, if the repairer finds non-fault damage and you decline the quote, there's a £25 inspection fee and the phone comes back unrepaired."),
 ("What's covered between 6 months and 2 years?", "Faults are repaired under the manufacturer's warranty, which we arrange for you."),
 ("Do I need to take it to a shop for repair?", "No, you can book in the app and we'll send a prepaid box, or take it to a store."),
 ("Who gets loan phones during repairs?", "Only Kestrel Protect customers, who can borrow one in store."),
 ("Is liquid damage covered by the phone warranty?", "No, accidental damage including liquid isn't covered - claim on Kestrel Protect if you have it."),
]);

A("insurance", "Kestrel Protect insurance", """
Kestrel Protect is our phone insurance. It covers your phone against **loss, theft, accidental damage and breakdown** outside the manufacturer's warranty.

## Prices and excess

The monthly price and the excess (what you pay towards each claim) depend on the value of your phone when you bought it:

| Tier | Phone value | Monthly price | Excess per claim |
|---|---|---|---|
| Tier 1 | Up to £400 | £7 | £50 |
| Tier 2 | £400.01 to £900 | £11 | £99 |
| Tier 3 | Over £900 | £14 | £149 |

**Screen-only repairs** have a reduced excess of **£25** on all tiers when the repair is done at one of our repair partners.

## What's covered

- Loss and theft (including from an unattended car, if the phone was out of sight in a locked glovebox or boot).
- Accidental damage, such as cracked screens and liquid damage.
- Breakdown after the manufacturer's warranty ends.
- Unauthorised calls, texts and data after theft, up to **£1,500**, if you bar your SIM within 24 hours.
- Accessories lost at the same time as the phone, up to **£150**.

## What's not covered

- Cosmetic damage like scratches and dents that don't stop the phone working.
- Loss or theft where you **left the phone unattended in a public place**.
- Damage caused deliberately, or by a virus.
- Phones that have been modified or "jailbroken".

Cover applies worldwide when you travel. For what to do if it happens overseas, see Lost or stolen phone abroad.

## Making a claim

1. For loss or theft, **bar your SIM** and report to the police within **24 hours** if you're in the UK.
2. Make your claim in the app (**Account > Kestrel Protect > Make a claim**) within **30 days**.
3. Pay the excess.

If your claim is approved **before 2pm** on a working day, your replacement arrives the **next working day**. Replacements may be refurbished to as-new condition, and are the same model or one of equal value if yours isn't available.

You can make up to **2 claims in any 12 months**.

## Repairs instead of replacement

Where a phone can be repaired, we'll repair it rather than replace it. Repairs take around **5 working days**, and you can borrow a loan phone from a Kestrel store.

## Cancelling Kestrel Protect

You can cancel within **14 days** of taking it out for a full refund (as long as you haven't claimed). After that, cancel any time with **30 days' notice**. Kestrel Protect ends automatically if you leave Kestrel.

## Who provides the insurance?

Kestrel Protect is arranged by Kestrel Mobile Ltd and underwritten by an authorised insurer named in your policy document, which is in the app.
""",
[
 "how much is insurance for a £1,100 phone per month",
 "what's the excess on a mid range phone around £600",
 "cracked my screen, is there a cheaper excess for just the screen",
 "I left my phone on a table in a cafe and it was taken, will insurance pay",
 "phone stolen from my car boot, does kestrel protect cover that",
 "how many times can I claim on my phone insurance in a year",
 "if my claim gets approved at 10am when will the replacement come",
 "will the replacement be brand new",
 "can I cancel my insurance and get my money back, took it out last week",
 "thief used my phone for £300 of calls before I barred it, does the insurance cover that",
 "do I have a deadline to claim after my phone got stolen",
 "is a scratched back covered",
],
[
 ("What's the monthly cost of insurance for a phone under £400?", "Tier 1 (up to £400) is £7 a month with a £50 excess."),
 ("How much is the excess for Tier 3 cover?", "The Tier 3 excess is £149 per claim (£25 for screen-only repairs at a partner)."),
 ("Will you cover my earphones that were stolen with my phone?", "Yes, accessories lost at the same time as the phone are covered up to £150."),
 ("My phone's jailbroken, can I still claim?", "Unfortunately modified or jailbroken phones aren't covered."),
 ("How long do insurance repairs take?", "Around 5 working days, and you can borrow a loan phone from a Kestrel store."),
 ("What notice is needed to cancel Kestrel Protect after the first couple of weeks?", "After the 14-day cooling-off period you can cancel any time with 30 days' notice."),
]);

A("network-coverage", "No signal, coverage and network outages", """
## Check coverage

Use the **coverage checker** in the app or on our website. Enter a postcode to see expected 5G, 4G and voice coverage outdoors and indoors. Indoor coverage can be weaker in buildings with thick walls, metal-coated windows or basements.

## Check for outages

The **network status** page in the app shows planned work and known problems by postcode, with an estimated fix time. Planned maintenance usually takes place between midnight and 6am.

## Quick fixes for no signal

- Switch airplane mode on and off.
- Restart your phone.
- Check the SIM is properly seated; try it in another phone if you can.
- Make sure your account isn't barred (for example for a missed payment or a lost-phone bar).

## Poor signal at home

Turn on **Wi-Fi Calling** so calls and texts use your home Wi-Fi. We don't sell or supply signal boosters, and boosters that aren't approved are illegal to use in the UK.

## Credits for mobile outages

Mobile service isn't covered by the broadband automatic compensation scheme. But if a **network fault** (not planned work) stops you using your mobile for **more than 3 days in a row**, we'll credit the airtime charges for those days. Ask for the credit within **30 days** of the fault being fixed.

## Reporting a coverage problem

If the status page shows no problem but you've lost signal somewhere you used to have it, report it in the app (**Help > Report a signal problem**). Include the postcode and the times it happened. This helps our engineers find faults we don't know about.
""",
[
 "no signal at my house since yesterday, is there a mast problem",
 "what's the coverage like in my area, postcode TR18",
 "can I buy a signal booster from you for my house",
 "mobile signal was off for 5 days due to your fault, can I get a refund",
 "when do you normally do maintenance on the network",
 "my phone suddenly lost all bars but others around me are fine",
 "how do I report that I've lost signal at work where it used to be ok",
 "4 day outage last month, how long do I have to ask for money back",
 "signal in my basement flat is awful",
 "does the 5G map show indoor coverage",
],
[
 ("Can you give me credit for the days my mobile didn't work?", "If a network fault stopped your service for more than 3 days in a row, we credit the airtime for those days - ask within 30 days of the fix."),
 ("Where do I see if there's an outage near me?", "Check the network status page in the app - it shows known problems and planned work by postcode with a fix estimate."),
 ("Are mobile boosters legal?", "Boosters that aren't approved are illegal in the UK, and we don't sell or supply them - Wi-Fi Calling is the best option."),
 ("Why is my signal worse inside than the map says?", "Thick walls, metal-coated windows or basements can weaken indoor coverage."),
 ("Does planned maintenance count for the outage credit?", "No, the credit only applies to network faults, not planned work."),
 ("I have no service at all, what should I try first?", "Toggle airplane mode, restart your phone and check the SIM is properly seated, and make sure your account isn't barred."),
]);

A("wifi-calling", "Wi-Fi Calling and 4G Calling", """
## Wi-Fi Calling

Wi-Fi Calling lets you make and receive calls and texts over any Wi-Fi network when your mobile signal is weak.

### Turning it on

- **iPhone**: Settings > Phone > Wi-Fi Calling.
- **Android**: Settings > Connections (or Network) > Wi-Fi Calling.

It's free to use and available on pay monthly, Flex and Business lines. Your phone must be bought from Kestrel or be a model on our supported list in the app.

### What does it cost?

Calls and texts over Wi-Fi use your normal **allowance**, just like calls on the mobile network. Calls to premium numbers are charged as usual.

### Using Wi-Fi Calling abroad

When you're abroad and connected to Wi-Fi, calls to **UK numbers** are treated as UK calls and come out of your allowance - no roaming charges. Calls to non-UK numbers are charged at international rates. Wi-Fi Calling doesn't work in some countries, including the UAE, China and India, because of local rules.

### Emergency calls

You can call 999 over Wi-Fi, but emergency services may not be able to find your location. Add your **emergency address** in the app (Settings > Wi-Fi Calling > Emergency address) - this is required before Wi-Fi Calling is switched on.

## 4G Calling (VoLTE)

4G Calling makes calls over our 4G network, which gives clearer sound and lets you use data during a call. It's on automatically for supported phones. If your phone shows "VoLTE" or "4G Calling" in settings, keep it switched on. Our 3G network has been **switched off**, so phones without 4G Calling can only make calls on 2G, which is slower and doesn't allow data during calls.
""",
[
 "how do I turn on wifi calling on my iphone",
 "does wifi calling cost extra",
 "can I use wifi calling at my hotel in spain to call my mum in the uk without roaming fees",
 "wifi calling isn't working in dubai, why",
 "why do you need my address before turning on wifi calling",
 "is wifi calling available on PAYG",
 "my old phone can't use data while i'm on a call anymore",
 "what's volte and do I need it switched on",
 "calling a spanish number using wifi calling from spain, how is that charged",
 "can I call 999 over wifi",
],
[
 ("Does Wi-Fi calling come out of my minutes?", "Yes, calls and texts over Wi-Fi use your normal allowance."),
 ("Where do I put my emergency address for wifi calling?", "In the app under Settings > Wi-Fi Calling > Emergency address - it's required before Wi-Fi Calling is switched on."),
 ("Does Wi-Fi Calling work in China?", "No, Wi-Fi Calling doesn't work in some countries including China, the UAE and India."),
 ("Is 4G calling something I need to switch on?", "It's on automatically for supported phones - just keep VoLTE/4G Calling switched on if you see it in settings."),
 ("Why does my older phone only show 2G when calling?", "Our 3G network has been switched off, so phones without 4G Calling make calls on 2G."),
 ("Can business lines use WiFi calling?", "Yes, Wi-Fi Calling is free on pay monthly, Flex and Business lines."),
]);
