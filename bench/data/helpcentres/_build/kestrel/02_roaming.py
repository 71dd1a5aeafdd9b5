A("roaming-europe", "Roaming in Europe", """
Use your phone in Europe as you do at home. This guide explains Roam Zone 1 for **personal pay monthly and Kestrel Flex** customers. Business customers should read Roaming in Europe (Business), because their charges and fair use limits are different.

## Which countries are in Roam Zone 1?

Roam Zone 1 covers all 27 EU countries plus Iceland, Liechtenstein, Norway, Gibraltar, the Isle of Man, Jersey, Guernsey, Monaco, San Marino, Andorra, Vatican City, the Faroe Islands, Albania, Montenegro, North Macedonia and Serbia.

A few places people often expect to be in Zone 1 are **not**:

- **Switzerland** and **Turkey** are in Zone 2 (see Worldwide Travel Pass).
- **Ukraine, Moldova and Bosnia and Herzegovina** are Zone 2.
- Ships at sea and aircraft are **not in any zone** (see "Cruise ships and flights" below).

The Isle of Man and the Channel Islands are in Zone 1 and the daily charge applies there too.

## How much does it cost?

| Plan | Daily charge in Zone 1 |
|---|---|
| Pay monthly plans started on or after 1 June 2023 | £2.25 per day |
| Pay monthly plans started before 1 June 2023 | No daily charge (Roam Included) |
| Kestrel Max plans | No daily charge (Roam Included) |
| Kestrel Flex (pay as you go) | £1.75 per day, taken from your credit |

The daily charge is **added automatically** - you don't need to opt in. You are only charged on days when you actually use your phone: make a call, send a text, or use data. Receiving calls and texts doesn't trigger the charge. A "day" runs from **midnight to midnight UK time**, not local time.

### The 10-day limit

You will never pay for more than **10 charged days per bill period** in Zone 1 (a maximum of £22.50 on pay monthly). If you roam for longer, the rest of that bill period is free.

## What you can use

With the daily charge you use your normal UK allowance of minutes, texts and data. That covers:

- calls and texts back to UK numbers,
- calls and texts to local numbers in the country you are visiting,
- calls and texts from one Zone 1 country to another Zone 1 country (e.g. from Spain to Italy),
- receiving calls, which is free.

Calls to premium-rate and non-geographic numbers (e.g. 0870, 09) are charged at out-of-bundle rates.

## Fair use

We apply a fair use limit of **30GB of data per bill period** while roaming in Zone 1, even if your UK plan is unlimited. Above 30GB you'll pay **£3.50 per GB**. We'll text you when you reach 25GB.

Roaming is intended for travel. If over a 4-month period you spend more time roaming than in the UK and use more data abroad than at home, we may contact you and give you 14 days to change your usage before we start applying a surcharge.

## Turning roaming on and off

Roaming is switched on for all new personal accounts. You can switch it off in the app (**Settings > Roaming**). To avoid data charges but still take calls, leave roaming on and turn off **data roaming** in your phone settings.

## Cruise ships and flights

When your phone connects to a network on a ship or plane, you pay **£5.00 per MB of data, £2.50 per minute** for calls (made or received) and **50p per text**. These charges aren't covered by the daily charge or your allowance. Turn on airplane mode when at sea if you don't want these charges.

## Tips for travelling

- Download maps and playlists before you go.
- Check the app to see if a daily charge has applied (it can take up to 48 hours to show).
""",
[
 "going to portugal next week, how much does it cost a day to use my phone",
 "is switzerland included in the european roaming",
 "i'm on pay as you go, what do i pay per day in spain",
 "do i have to turn on anything before flying to Greece or does it just work",
 "if i just receive a call in italy will it charge me the daily fee",
 "We are spending a whole month in france this summer, will I be paying the £2.25 every single day?",
 "my contract is unlimited data, can I use unlimited in germany too?",
 "does the daily fee use uk time or local time? I'm in Cyprus and got charged two days for one evening",
 "Calling an italian number while i'm in spain - is that in my allowance?",
 "going on a Mediterranean cruise, will my phone cost the normal daily rate on the ship",
 "Do I pay the roaming charge in Jersey?",
 "my plan started in march 2022 – do i still get free roaming in europe",
],
[
 ("Is the daily Europe charge applied even on days when I don't touch my phone?", "No, you're only charged on days you make a call, send a text or use data; receiving calls doesn't trigger it."),
 ("what's the most I'll pay for roaming in a month if I'm in Spain for 3 weeks", "Daily charges stop after 10 charged days in a bill period, so at most £22.50 on pay monthly."),
 ("What happens after 30GB while in Europe?", "Above the 30GB fair use limit it's £3.50 per GB, and we text you at 25GB."),
 ("Is Turkey part of the Europe zone for roaming?", "Turkey is in Zone 2, so the Europe daily charge doesn't cover it - you'd need the Worldwide Travel Pass."),
 ("Are texts on a plane covered by my Europe roaming?", "No - on planes and ships it's 50p per text, £2.50 a minute and £5 per MB, outside your allowance."),
 ("Does the Max plan include roaming in Europe?", "Yes, Kestrel Max plans have Roam Included, so there's no daily charge in Zone 1."),
]);

A("business-roaming", "Roaming in Europe (Business)", """
This article covers roaming in Roam Zone 1 for **Kestrel Business** lines. Personal accounts have different prices - see Roaming in Europe.

## Daily charge for business lines

| Business plan | Zone 1 daily charge |
|---|---|
| Business Essentials | £2.00 per line per day |
| Business Pro | Included - no daily charge |
| Data-only SIMs | £2.00 per line per day |

The charge is applied on days a line makes a call, sends a text or uses data while in Zone 1. There is **no 10-day limit** on business lines - each day of use is charged. Zone 1 is the same list of countries as for personal accounts.

## Fair use

Business lines have a fair use limit of **25GB per line per month** in Zone 1. Above this, data is charged at **£2.50 per GB**. Shared data pools can be used abroad, but the 25GB limit still applies per line.

## Controlling roaming as an admin

Admins can manage roaming for each line in the **Business Hub > Lines > Roaming**:

- **Roaming on** - Zone 1 and Business Travel Pass countries allowed.
- **Zone 1 only** - roaming blocked outside Zone 1.
- **Roaming off** - no roaming at all.

New business lines are set to **Zone 1 only** by default. Changes take effect within 15 minutes.

## Travelling outside Europe

The **Business Travel Pass** costs **£5 per line per day** in Zone 2 countries. Unlike the personal Worldwide Travel Pass, it's switched on by the admin once for a line and then applies automatically whenever that line is in Zone 2.

## Roaming reports

A roaming report showing which lines roamed, on which days and what was charged can be downloaded from the Business Hub under Reports. Reports are updated every 24 hours.
""",
[
 "whats the daily cost for our employees phones in the EU, we're on business essentials",
 "our sales team are on Business Pro, do they pay anything to use phones in Germany",
 "as the admin, how do i stop one of our staff from roaming outside europe",
 "our company SIM was in France for 20 days, why were we charged for every day? I thought it stopped after 10",
 "what is the data fair use per line abroad for business customers",
 "new work phone doesn't work in new york, I'm told the admin needs to do something?",
 "How much is the business travel pass per day",
 "can I see which of our work phones were used abroad last month",
 "how quickly does a roaming change take effect on a business line",
 "does our shared data pool work when staff are in europe",
],
[
 ("Do data-only business SIMs pay to roam in Europe?", "Yes, data-only business SIMs pay £2.00 per line per day in Zone 1."),
 ("What happens when one of our business lines goes over the fair use data in Spain?", "Above 25GB per line in a month it's £2.50 per GB."),
 ("Do we have to add the business travel pass each trip?", "No - an admin switches it on once per line and it then applies automatically whenever that line is in Zone 2, at £5 per day."),
 ("our new company lines can't roam in Canada, why?", "New business lines default to 'Zone 1 only'; an admin can change that in Business Hub > Lines > Roaming."),
 ("How often is the business roaming report refreshed?", "Roaming reports in the Business Hub are updated every 24 hours."),
 ("Is roaming in the EU included with Business Pro?", "Yes, Business Pro includes Zone 1 roaming with no daily charge."),
]);

A("travel-pass-worldwide", "Worldwide Travel Pass", """
The Worldwide Travel Pass lets personal customers use their UK allowance in **Roam Zone 2** for a daily fee.

## Zone 2 countries

Zone 2 includes the USA (including Hawaii and Alaska), Canada, Mexico, Australia, New Zealand, Switzerland, Turkey, Japan, South Korea, Singapore, Hong Kong, the United Arab Emirates, Israel, South Africa, Ukraine, Moldova, Bosnia and Herzegovina, Brazil and India. Any country not in Zone 1 or Zone 2 is **Zone 3**.

## Price

- **£6 per day** for pay monthly customers.
- **£7 per day** for Kestrel Flex customers, taken from credit.

You're only charged on days you use the phone (make a call, send a text or use data). Each day lasts for **24 hours from the first use**, not midnight to midnight.

## You must add it before you travel

Unlike Europe roaming, the Travel Pass is **not automatic**. Add it in the app (Add-ons > Travel) before you leave. It stays on your line until you remove it, and you're only charged on days you use your phone in Zone 2. If you forget to add it, pay-as-you-roam rates apply.

## Pay-as-you-roam rates (Zone 2 without a pass, and Zone 3)

| | Zone 2 without pass | Zone 3 |
|---|---|---|
| Calls made or received | £1.50/min | £2.50/min |
| Texts | 40p | 60p |
| Data | £6.00 per MB | £7.50 per MB |

There is **no Travel Pass for Zone 3**. We strongly recommend turning off data roaming in Zone 3 and using Wi-Fi.

## Fair use

The same fair use limit as Zone 1 applies: 30GB per bill period.
""",
[
 "off to florida in august, what will it cost me per day to use my normal minutes and data",
 "does the travel pass switch on by itself when i land in canada",
 "Is the worldwide pass day midnight to midnight?",
 "how much per day for the travel pass on PAYG",
 "is thailand covered by the travel pass",
 "i forgot to add the pass and used data in new york for an hour, how bad will it be",
 "i'll be in japan for 2 weeks but only use my phone on a few days, do I pay for all 14",
 "can i get the travel pass for Egypt",
 "Do I need to remove the travel pass once I get home to stop paying",
 "does india count as zone 2",
 "how much is a call per minute in zone 3",
],
[
 ("what's the daily price to use my allowance in Australia on a monthly contract?", "Australia is Zone 2, so with the Worldwide Travel Pass it's £6 a day on pay monthly (you need to add it in the app before you go)."),
 ("How much are texts in the US if I don't have the travel pass?", "Without a pass, texts in Zone 2 are 40p each."),
 ("Is there any pass for using my phone in Kenya?", "Kenya is Zone 3 and there's no Travel Pass for Zone 3, so pay-as-you-roam rates apply - best to use Wi-Fi."),
 ("Is there a data limit with the worldwide pass?", "Yes, the same 30GB per bill period fair use limit as Europe applies."),
 ("When does a Worldwide Travel Pass day start and end?", "Each Travel Pass day runs 24 hours from your first use, not midnight to midnight."),
 ("Where do I add the worldwide pass in the app?", "In the app under Add-ons > Travel - do it before you leave."),
]);

A("international-calls-from-uk", "Calling and texting abroad from the UK", """
This article is about calling **foreign numbers while you are in the UK**. If you are abroad yourself, roaming rules apply instead - see Roaming in Europe or Worldwide Travel Pass.

## Standard rates

Calls from the UK to international numbers are **not included** in your UK minutes. Standard rates are:

| Destination | Per minute |
|---|---|
| Europe (EU, Norway, Switzerland) | £1.00 |
| USA and Canada | £1.00 |
| Rest of the world | £2.00 |
| Satellite networks | £6.00 |

International texts cost **30p** each. Picture messages to international numbers cost 60p.

## International 300 add-on

For **£5 a month**, International 300 gives you **300 minutes** to landlines and mobiles in 60 countries, including all EU countries, the USA, Canada, Australia, India, China, Pakistan, Bangladesh, Nigeria, Poland and the Philippines. The full list is in the app.

- Minutes are shared between all included countries.
- Unused minutes don't roll over.
- The add-on renews every month until you cancel. If you cancel, it ends at your next bill date.
- Calls to premium, satellite and special numbers abroad are not included.
- International 300 does **not** work while you are roaming.

Kestrel Flex customers can buy International 300 as a 30-day bundle for £5.

## Calling from your broadband home phone

Kestrel Home Phone customers pay 5p per minute to landlines in Europe and North America, and can add an International Calls Pack for £8 a month (500 minutes).
""",
[
 "how much is it to ring my mum in Poland from here",
 "is calling a US number from the UK part of my unlimited minutes",
 "what's included in the international 300 thing and how much",
 "my family is in lagos, can I call them cheaper",
 "can I use my international minutes when im actually in india on holiday",
 "how much is sending a text to a french mobile",
 "if I cancel the international bundle mid month when does it stop",
 "do leftover international minutes carry to next month",
 "cheapest way to call abroad from my kestrel landline at home",
 "how much per minute to call someone on a satellite phone",
],
[
 ("what does it cost per minute to phone Canada from the UK without any bundle?", "Calls from the UK to the USA and Canada are £1.00 a minute at standard rates."),
 ("Can I get the international calls bundle on pay as you go?", "Yes, Flex customers can buy International 300 as a 30-day bundle for £5."),
 ("Are calls to China included in International 300?", "Yes, China is one of the 60 included countries - 300 minutes a month for £5."),
 ("How much is a picture message to a number abroad?", "Picture messages to international numbers cost 60p."),
 ("Is there an international pack for my home phone line?", "Home Phone customers can add the International Calls Pack for £8 a month with 500 minutes."),
 ("I added International 300, why was I charged to call a premium number in Spain?", "Premium, satellite and special numbers abroad aren't included in International 300, so they're charged separately."),
]);

A("roaming-not-working", "Phone not working abroad", """
If your phone won't connect, call or use data when you arrive abroad, work through these checks.

## 1. Check roaming is allowed on your account

- Roaming is switched on for personal accounts by default, but someone may have switched it off in **Settings > Roaming** in the app.
- Accounts that are **less than 30 days old** can roam in Zone 1 only. Zone 2 and Zone 3 roaming is unlocked after your first bill has been paid.
- If your spend cap has been reached, chargeable services (including roaming daily charges) stop. Raise your cap in the app.

## 2. Check your phone settings

- Turn on **Data roaming** (iPhone: Settings > Mobile Data > Mobile Data Options; Android: Settings > Network > Mobile network).
- Restart your phone after landing - this forces it to look for a new network.
- Check the APN is set to **kestrel.internet** (no username or password).

## 3. Pick a network manually

Sometimes your phone tries to connect to a network we don't have an agreement with. Turn off automatic network selection and choose a different network from the list. Our partner networks for each country are listed in the app under Roaming > Partners.

## 4. 5G and 4G abroad

We offer 5G roaming in France, Germany, Spain, Italy, Ireland, the Netherlands and the USA. Everywhere else you'll connect on 4G or 3G. If your phone is set to "5G only", change it to "5G auto".

## 5. Still not working?

Call us free from your Kestrel phone on **+44 333 555 0100** (if you can make calls) or chat in the app over Wi-Fi. Tell us the country, the network shown on your phone and what happens when you try to call. Please don't take your SIM out and put it in another phone abroad - if it's locked by a PIN you may need a PUK code to unlock it.
""",
[
 "just landed in spain and no internet at all, calls work though",
 "joined kestrel 2 weeks ago and my phone wont work in dubai",
 "should I put my sim in a local phone if my own phone won't connect abroad",
 "I'm in Italy and my phone shows no service, i've restarted it already",
 "can i get 5G while on holiday in portugal",
 "how can I reach kestrel support from abroad if my phone won't connect",
 "my phone is connecting to a network that doesn't work, can I choose a different one in France",
 "abroad and suddenly everything stopped working, no texts or data, it was fine yesterday",
 "where do I find which networks you partner with in each country",
 "phone set to 5G only and won't connect in greece",
],
[
 ("My SIM is a month and a half old and I can't roam in Canada - why?", "Accounts under 30 days are limited to Zone 1; Zone 2 and 3 roaming unlocks once your first bill is paid, so it may just be waiting on that first payment."),
 ("I'm in Madrid and data isn't working even though I can text", "Please check Data roaming is switched on in your phone settings and restart the phone; if it still fails try choosing a partner network manually."),
 ("which countries support 5G roaming with you?", "5G roaming is available in France, Germany, Spain, Italy, Ireland, the Netherlands and the USA; elsewhere you'll be on 4G or 3G."),
 ("Is the roaming APN different from the UK one? Do I need a password?", "The APN is kestrel.internet with no username or password."),
 ("I got to Belgium and my phone won't connect - could my spend cap be the reason?", "Yes, if your spend cap has been reached chargeable services including roaming daily charges stop; raise your cap in the app."),
 ("What number do I ring for help if I'm overseas?", "Call +44 333 555 0100, which is free from your Kestrel phone, or chat in the app over Wi-Fi."),
]);

A("lost-stolen-phone", "Lost or stolen phone", """
If your phone has been lost or stolen, **bar your SIM straight away** so nobody else can run up charges.

## Step 1: Bar your SIM

- In the Kestrel app on another device: **Account > Lost or stolen > Bar my SIM**.
- Or call us on **0800 555 0199** (free, 24 hours a day).

Barring stops calls, texts and data on the SIM. Your number is kept and moved to your replacement SIM.

## Your liability for charges

You are responsible for any charges on your account until you tell us the phone is lost or stolen. If you report it within **24 hours** of noticing it missing, we will cap your liability for charges run up by someone else at **£100**.

## Step 2: Get a replacement SIM

- **By post** - free, arrives in 2 to 3 working days.
- **In store** - free, same day. Bring photo ID.
- **eSIM** - if your new phone supports eSIM, you can have a new eSIM in the app straight away.

Your first replacement SIM in any 12 months is free; after that, replacements cost **£10**.

## Step 3: Block the phone itself (IMEI block)

If the phone was stolen, we can block its IMEI number so it can't be used on any UK network. We need a **police crime reference number** to do this. If you get the phone back, we can unblock it, which can take up to 48 hours.

## Step 4: Insurance and your device plan

- If you have Kestrel Protect, make a claim within 30 days (see Kestrel Protect insurance).
- Your **device plan keeps going** - you still need to pay the monthly device charge for the lost phone, even if you buy a new one.

## Tips

- Use Find My (iPhone) or Find My Device (Android) to locate, lock or erase the phone.
- Change passwords for email, banking and social media apps.
""",
[
 "someone nicked my phone on the bus, what do I do first",
 "how do I stop someone making calls on my lost mobile",
 "will i have to pay for calls the thief made",
 "how much is a new sim if i've lost my phone twice this year",
 "can I pick up a replacement SIM today instead of waiting for post",
 "my iphone was stolen, can you block it so they can't use it?",
 "lost my phone do i still have to keep paying the monthly phone payments",
 "found my phone after you blocked it, how long until it works again",
 "do I keep my number if my phone gets stolen",
 "what's the free phone number to report a lost handset",
],
[
 ("I lost my phone 2 days ago but only just realised - am I liable for what happens?", "You're responsible for charges until you report it; if you report within 24 hours of noticing it's missing, your liability for others' charges is capped at £100."),
 ("What do I need to bring to get a replacement sim at a shop?", "Just bring photo ID - in-store replacement SIMs are free and same-day."),
 ("my phone got stolen, you need something from the police to block it?", "Yes, to block the IMEI we need a police crime reference number."),
 ("Can I get an eSIM right away after losing my phone?", "Yes, if your new phone supports eSIM you can get one in the app straight away."),
 ("Is the replacement SIM free?", "Your first replacement SIM in 12 months is free; after that it's £10."),
 ("How do I bar my SIM without calling?", "In the Kestrel app on another device go to Account > Lost or stolen > Bar my SIM."),
]);

A("lost-phone-abroad", "Lost or stolen phone abroad", """
Losing your phone on holiday is stressful. Here is what to do when you are **outside the UK**.

## Bar your SIM

- Call **+44 333 555 0100**. This number is free from any Kestrel phone; from a hotel or another phone, international call rates apply.
- Or log in to the Kestrel app or website on any device and choose **Lost or stolen**.

Barring is instant. We can't bar your SIM by email.

## Charges while you're abroad

Roaming charges can add up fast. If you report the loss within **12 hours** of noticing, we'll cap your liability at **£50** for roaming and international charges made by someone else. After 12 hours the standard £100 cap (24 hours) applies. We'll also refund any Worldwide Travel Pass days charged after the time you report.

## Replacement SIMs abroad

We **can't post SIM cards outside the UK**. Your options are:

- **eSIM**: if you have another eSIM-compatible phone (or buy one), we can issue a new eSIM to your number through the app. You will need to pass security checks with your account PIN.
- **Wait until you get home** - order a replacement SIM to your UK address or collect one in store.
- **Local SIM** - buy a local pay-as-you-go SIM to stay in touch; your Kestrel number will be ready when you get home.

## Police reports and insurance

Most insurers, including Kestrel Protect, need a police report. If you're abroad, report the theft to the local police within **48 hours** and ask for a written report or reference number. Kestrel Protect covers loss and theft abroad for trips of up to **60 days**.

## Two-factor codes

If your bank or email texts codes to your number, you won't get them until your number is on a new SIM or eSIM. Set up an authenticator app or backup codes before travelling.
""",
[
 "my phone was pickpocketed in Barcelona, how do I contact you from here",
 "can you send a new sim to my hotel in Tenerife",
 "lost phone on holiday in turkey, am I going to be stuck with huge roaming bills someone else ran up",
 "I'm abroad, stolen phone, can I just email you to block it",
 "how long do I have to get a police report while abroad for the insurance",
 "I bought a new phone in Dubai after mine was stolen, can I get my number on it while I'm here",
 "will I get refunded for travel pass days after my phone was stolen in the US",
 "I've lost my phone in Greece and need my bank codes. what can I do",
 "is my phone insurance valid for theft when i'm on a 3 month trip in asia",
 "calling the kestrel number from my hotel phone in paris, is it free?",
],
[
 ("What's the liability cap if my phone is stolen on holiday and I report it the same morning?", "If you report within 12 hours of noticing, we cap your liability for roaming and international charges made by someone else at £50."),
 ("Can a friend post me the replacement SIM you send to my home in the UK while I'm in Spain?", "We can't post SIMs abroad ourselves; if you have an eSIM-capable phone we can issue an eSIM in the app instead."),
 ("Is barring instant if I do it from abroad?", "Yes, barring is instant - call +44 333 555 0100 or use Lost or stolen in the app or website."),
 ("What do I need to get an eSIM while overseas after losing my phone?", "You'll need an eSIM-compatible phone and to pass security checks with your account PIN, then we issue it through the app."),
 ("Does Kestrel Protect cover a phone stolen in Italy?", "Yes, Kestrel Protect covers loss and theft abroad for trips up to 60 days - report it to local police within 48 hours."),
 ("I can't get my bank texts since my phone was stolen in Lisbon, help", "Texts to your number will arrive once your number is on a new SIM or eSIM - an eSIM through the app is the quickest option abroad."),
]);
