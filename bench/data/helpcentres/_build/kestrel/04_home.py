A("broadband-getting-started", "Getting started with Kestrel Home Fibre", """
Welcome to Kestrel Home Fibre. This guide takes you from order to being online, and covers the things customers most often ask about in their first few weeks.

## Before your go-live date

### Your order confirmation

After you order we send an email with your **go-live date** and, if an engineer is needed, your appointment. Keep this email - it includes your account number and your **minimum guaranteed speed**.

### Delivery of your Kestrel Hub

Your Kestrel Hub 2 arrives **2 to 3 working days before** your go-live date by tracked courier. Someone needs to sign for it. If you miss the delivery the courier will leave a card and try again the next working day; after two attempts it goes back to the depot for 7 days.

### Do I need an engineer?

| Your connection | Engineer needed? | What happens |
|---|---|---|
| Fibre to the cabinet (Fibre 40 / Fibre 70) | Usually not | Your line is switched at the exchange |
| Full fibre (Fibre 150, 500, 900) - new install | Yes | An engineer fits a fibre point inside your home |
| Full fibre - existing fibre point | No | We activate the existing point remotely |

Engineer appointments are in a morning (**8am to 1pm**) or afternoon (**1pm to 6pm**) slot. Someone aged **18 or over** must be at home for the whole slot. A standard install takes 1 to 3 hours. The engineer needs access to where your phone line or fibre enters the building and to a power socket where you want the Hub.

If you need to rearrange the appointment, do it at least **24 hours** before, in the app or by chat. If you rearrange less than 24 hours before, or nobody's home, we may charge a **£40 missed appointment fee**.

## Go-live day

Your service goes live at any point up to **11pm** on your go-live day. Don't plug in the Hub until go-live day - if you're switching from another provider your old service will stop on the same day.

### Setting up your Hub

1. Connect the grey cable from the **Broadband** port on the Hub to your phone socket (or the green WAN port to the fibre point, for full fibre).
2. Plug in the power and switch on.
3. Wait up to **10 minutes**. The light changes from orange to flashing blue and then to solid blue.
4. Connect your devices using the Wi-Fi name and password on the **card on the back of the Hub**.

### What the lights mean

| Light | Meaning | What to do |
|---|---|---|
| Solid blue | Connected | Nothing - you're online |
| Flashing blue | Connecting | Wait up to 10 minutes |
| Orange | No broadband signal | Check cables; before 11pm on go-live day, just wait |
| Flashing orange | Updating software | Don't switch off |
| Red | Fault | Restart the Hub; if it stays red, contact us |

## Your first 10 days

In the first **10 days**, your line is "training": your speed may change and there may be a few short drop-outs while the network finds the fastest stable speed. Please **don't restart the Hub more than necessary** during this time, because each restart can make the line settle at a lower speed.

After 10 days, if your speed is still lower than expected, see Slow or dropping broadband.

## Getting the most from your Wi-Fi

- Put the Hub in the open, off the floor and away from the TV and microwave.
- The Hub broadcasts one Wi-Fi name for both 2.4GHz and 5GHz bands and moves devices between them automatically.
- If some rooms have weak signal, add **Kestrel Boost** mesh discs for **£5 a month each** (up to 3 per home).

### Changing your Wi-Fi name and password

Go to **http://hub.home** in a browser while connected, or use the app (Home > Wi-Fi). The admin password is also on the card on the back of the Hub. Changing the Wi-Fi name will disconnect all your devices and they'll need the new details.

## Extras

- **Static IP address**: £5 a month, available on Fibre 150 and above. Add it in the app.
- **Home Phone**: if you ordered a home phone, plug your phone into the **Phone** port on the Hub. Home Phone on full fibre is digital and won't work in a power cut unless you have a battery backup unit (free for customers who rely on their landline, on request).
- **Parental controls**: Kestrel SafeHome network filtering is **off by default** - see Content Lock and parental controls.
""",
[
 "when will the router arrive for my broadband",
 "do I need to be home for the fibre install? I work 9-5",
 "engineer coming tomorrow but I can't make it anymore, is there a charge",
 "my son is 16, can he be at home for the engineer",
 "it's go live day and the router light is orange at 4pm, is something wrong",
 "what does a red light on the kestrel hub mean",
 "my new fibre keeps dropping and changing speed in the first week, is this normal?",
 "where do i find my wifi password",
 "Wifi doesn't reach the bedroom upstairs, what do you offer",
 "how can I change my wifi network name",
 "how much is a static IP and can I get it on fibre 70",
 "will my landline phone work in a power cut now that i'm on full fibre",
],
[
 ("How long does a fibre install appointment usually take?", "A standard install takes 1 to 3 hours within your 8am-1pm or 1pm-6pm slot, and an adult 18+ needs to be home."),
 ("Should I plug in my new hub as soon as it arrives?", "Please wait until go-live day - service can go live any time up to 11pm that day."),
 ("The courier missed me, what happens to my Kestrel hub delivery?", "They'll try again the next working day; after two attempts it goes back to the depot for 7 days."),
 ("My hub has been flashing orange for a while, can I unplug it?", "Flashing orange means it's updating software, so please don't switch it off."),
 ("How many Boost discs can I have?", "You can have up to 3 Kestrel Boost discs, at £5 a month each."),
 ("Is it bad to keep restarting my router in the first week?", "Yes - during the first 10 days the line is training, and frequent restarts can make it settle at a lower speed."),
]);

A("broadband-slow", "Slow or dropping broadband", """
If your broadband is slower than it should be or keeps dropping, these steps fix most problems.

## 1. Restart your Hub properly

Switch the Hub off at the wall, wait **30 seconds**, then switch it on. Wait 10 minutes for the light to turn solid blue. (If your service went live less than 10 days ago, see Getting started with Kestrel Home Fibre first - your line may still be settling.)

## 2. Test with a cable

Wi-Fi speeds are affected by walls, distance and other devices. To find your real line speed, connect a laptop to the Hub with an Ethernet cable, close other apps and run the **Kestrel Speed Test** (speedtest.kestrel.example). Run it 3 times at different times of day.

## 3. Improve your Wi-Fi

- Move the Hub somewhere central and raised.
- Older devices may only use 2.4GHz, which is slower but reaches further.
- Too many devices streaming at once will slow everyone down.

## 4. Check for faults

Look at the service status page in the app. If there's a known problem in your area, you'll see an estimated fix time and don't need to report it.

## Your minimum guaranteed speed

When you ordered, we gave you a **minimum guaranteed download speed** (it's in your order email and in the app). If your wired speed is below that, tell us. We'll then have **30 days** to fix it. If we can't, you can leave without early termination charges, or move to a cheaper, slower plan with no fee.

## Engineer visits

If our remote tests can't find the problem, we may book an engineer. There's no charge if the fault is on our network. If the engineer finds the fault is in **your home** - for example your own extension wiring, a damaged socket you've changed, or your own equipment - we'll charge **£75**. We'll always tell you about this possible charge before booking.

## Dropping connections in the evening

If your connection drops at the same time every day, it's often caused by interference from another device (such as a lamp dimmer, a baby monitor or Christmas lights). Try switching things off one at a time.
""",
[
 "my internet is really slow in the evenings, what should I check",
 "how do I find out what speed you guaranteed me",
 "wifi is slow but is it the line or the wifi, how do I test",
 "if you send an engineer for my slow internet will I be charged",
 "my speed's been below the promised minimum, what are my rights",
 "how long should I wait after switching the router off before turning it on",
 "wifi keeps cutting out around 8pm every night",
 "is there a way to see if there's an outage near me before I call",
 "engineer said the problem was my own extension cable, how much will that cost",
 "what speed test should I use for kestrel broadband",
],
[
 ("How long do you get to fix my speed before I can cancel?", "Once you tell us your wired speed is below the minimum guaranteed speed, we have 30 days to fix it; if we can't, you can leave without early termination charges."),
 ("Why do you want me to test with a cable?", "Wi-Fi is affected by walls and other devices, so a wired test with an Ethernet cable shows your real line speed."),
 ("If the engineer finds the fault is on your side do I pay?", "No, there's no charge if the fault is on our network - only if it's in your home wiring or equipment (£75)."),
 ("Can I move to a slower, cheaper plan if I never get the guaranteed speed?", "Yes, if we can't fix it within 30 days you can move to a cheaper, slower plan with no fee."),
 ("How many times should I run the speed test?", "Run it 3 times at different times of day, on a wired connection with other apps closed."),
 ("Could a baby monitor really make my broadband drop?", "Yes, interference from devices like baby monitors, dimmers or fairy lights can cause drop-outs - try switching things off one at a time."),
]);

A("broadband-outage-compensation", "Broadband outages and automatic compensation", """
If something goes wrong with your Kestrel Home Fibre, you may get compensation automatically - you don't need to claim.

## When you get automatic compensation

| What happened | Compensation |
|---|---|
| Total loss of service, not fixed within **2 full working days** after you report it | **£9.76 per day** until fixed |
| Engineer misses an appointment, or cancels with less than **24 hours'** notice | **£30.50** per missed appointment |
| Your new service doesn't start on the go-live date we promised | **£6.40 per day** of delay |

Compensation is added to your bill as a credit within **30 days** of the problem being fixed. It applies to residential Home Fibre and Home Phone. It doesn't apply to Kestrel Business broadband, to mobile, or where the fault was caused by you or by severe weather affecting a whole area ("events beyond our control").

## Reporting a fault

Report the fault in the app (Home > Report a fault) or by calling us. The 2 working days start from when you report it, not when it started, so please report it quickly.

## Mobile network problems

This compensation scheme is for broadband only. For mobile outages, see No signal, coverage and network outages.

## If you're not happy

If you think you should have got compensation and didn't, contact us within **6 months** of the problem.
""",
[
 "my internet has been completely down since monday, do i get money back",
 "the engineer didn't turn up for my fibre appointment, do I get anything",
 "our broadband install was delayed by a week from the date you gave",
 "how do I claim compensation for the outage",
 "when will the outage credit show on my bill",
 "broadband dead for 3 days because of the storm, will i get compensation",
 "does the 2 day clock start from when my internet went off or when I called you",
 "is there compensation for business broadband outages",
 "it's been 8 months since my outage and I never got a credit, can I still ask",
 "engineer cancelled the night before, is that a missed appointment",
],
[
 ("How much per day do you credit if my fibre is down for a week?", "After 2 full working days from your report, it's £9.76 for each day until it's fixed, credited automatically."),
 ("Do I need to fill in a form to get outage compensation?", "No, it's automatic - it appears as a credit on your bill within 30 days of the fix."),
 ("What do I get if my new broadband starts late?", "£6.40 for each day of delay after the promised go-live date."),
 ("Is the home phone covered by the compensation too?", "Yes, automatic compensation covers residential Home Fibre and Home Phone."),
 ("Engineer no-show, what's the compensation amount?", "£30.50 for each missed appointment (or cancellation with less than 24 hours' notice)."),
 ("Deadline to chase outage compensation?", "Please contact us within 6 months of the problem."),
]);

A("home-move", "Moving home with Kestrel Home Fibre", """
Take your broadband with you when you move. Tell us as early as you can - ideally **30 days** before, and at least **14 days** before your moving date.

## How to tell us

Use **Home > Moving home** in the app, or chat with us. We'll check what's available at your new address and give you a go-live date there.

## Cost

- There's a **£45 home move fee**.
- The fee is **waived** if you start a new 24-month contract at your new address.
- If an engineer is needed at your new home, there's no extra charge for the installation.

Your current contract and minimum term **carry on** at your new address unless you choose to recontract.

## If we can't provide service at your new address

If Kestrel Home Fibre isn't available at your new address, you can cancel **without early termination charges**. You'll need to give us 30 days' notice and return your Hub within 30 days (or pay £60).

If only a slower speed is available, you can move to that plan, or cancel without early termination charges.

## Gap between homes

If your new line isn't ready on moving day, we'll lend you a **Kestrel Bridge 4G hub** for up to **30 days** at no cost, so you can get online. It uses the mobile network, so speeds vary. Return it in the bag provided within 14 days of your new service going live.

## Moving in with someone who already has Kestrel

If the new home already has Kestrel Home Fibre in someone else's name, you can cancel yours without early termination charges but you must give 30 days' notice.

## Home Phone number

Your home phone number can only move with you if you're staying in the same telephone area code. Otherwise you'll get a new number.
""",
[
 "we're moving house next month, how do I take my broadband",
 "how much does it cost to move my kestrel internet to a new address",
 "can I avoid the move fee",
 "new flat can't get kestrel fibre at all, am I stuck paying the contract",
 "moving day is friday but the new line won't be on for 2 weeks, what can I do",
 "how much notice do I need to give before moving home",
 "does my 18 month contract reset when I move",
 "moving into my partner's place and she already has kestrel broadband",
 "will I keep my landline number after moving to another city",
 "only 40mb available at the new place, can I downgrade",
],
[
 ("Is there an engineer fee if the new house needs installing?", "No extra charge for the installation - just the £45 move fee, which is waived if you recontract for 24 months."),
 ("How long can I keep the temporary 4G router when moving?", "The Kestrel Bridge 4G hub is lent for up to 30 days, and should be returned within 14 days of your new service going live."),
 ("Does my minimum term restart when I move home?", "No, your existing contract carries on at the new address unless you choose a new contract."),
 ("Can I keep my home phone number if I move from Leeds to Bristol?", "Only if you stay in the same area code, so moving cities would mean a new number."),
 ("Is there a cost to leave if I'm moving somewhere you don't cover?", "No early termination charges, but we need 30 days' notice and the Hub back within 30 days."),
 ("how early do I tell you I'm moving?", "Ideally 30 days before, and at least 14 days before your moving date."),
]);

A("parental-controls", "Content Lock and parental controls", """
Kestrel has two separate controls: **Content Lock** for mobile and **SafeHome** for Home Fibre.

## Content Lock (mobile)

Content Lock blocks 18+ content, such as adult sites, gambling and some chat services, when you use mobile data. It is **switched on by default** on every Kestrel SIM, including Flex.

### Turning Content Lock off

You'll need to prove you're 18 or over:

- **In the app**: Settings > Content Lock > Verify age, using a **credit card** in your name. We make a **£0** check; nothing is charged. Debit cards can't be used.
- **In a Kestrel store**: show photo ID (passport or driving licence).

Content Lock can't be removed on a line registered to someone **under 18**. It doesn't work over Wi-Fi - use your home broadband controls for that.

## SafeHome (broadband)

SafeHome filters websites on every device connected to your Kestrel Hub. It's **off by default**.

- Switch it on in the app under **Home > SafeHome**.
- Choose a level: **Light** (malware and phishing only), **Moderate** (adds adult content and gambling) or **Strict** (adds social media, gaming and chat).
- Set **homework time** - pause internet access for chosen devices on a schedule, up to 5 schedules.
- Allow or block individual websites.

Changes take up to **15 minutes** to work. SafeHome doesn't filter devices using a VPN or mobile data.

## Screen time

For screen-time limits on individual phones we recommend the controls built into iOS (Screen Time) and Android (Family Link).
""",
[
 "some websites are blocked on my phone saying over 18, I'm 34",
 "can I use my debit card to prove my age to unlock sites",
 "how do i block adult sites on our home wifi for the kids",
 "can I turn off the internet for my kid's tablet at bedtime",
 "my 16 year old wants the content block removed, he has my permission",
 "i turned on safehome but a site still loads 5 minutes later",
 "does the content lock on my son's phone work when he's on wifi",
 "what's the difference between the safehome levels",
 "is there a charge to verify my age",
 "i want to block social media on the home network only, which setting",
],
[
 ("Can I remove the age restriction in store instead of with a card?", "Yes, in a Kestrel store with photo ID such as a passport or driving licence."),
 ("Is home broadband filtering on automatically?", "No, SafeHome is off by default - switch it on in the app under Home > SafeHome."),
 ("How many homework time schedules can I set?", "SafeHome lets you set up to 5 schedules to pause internet for chosen devices."),
 ("Does SafeHome block sites if my teenager uses a VPN?", "No, SafeHome can't filter devices using a VPN or mobile data."),
 ("Is content lock on for pay as you go SIMs too?", "Yes, Content Lock is on by default on every Kestrel SIM, including Flex."),
 ("Which SafeHome level just blocks dodgy sites like phishing?", "Light filters malware and phishing only."),
]);
