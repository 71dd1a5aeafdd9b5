A("prepaid-topup", "Kestrel Flex: top-ups, bundles and credit", """
Kestrel Flex is our pay as you go service - no contract and no credit check.

## Topping up

- Top up from **£5 to £100** at a time, in the app, online, by calling **4444** from your Flex phone, or with a top-up voucher from any shop showing the PayPoint sign.
- Your balance can't go above **£250**.
- **Auto top-up**: choose an amount and we'll top up automatically when your balance drops below **£3**, or on the same date every month. Set it up in the app with a debit or credit card.

## Bundles

Bundles give you minutes, texts and data for **30 days** and are paid from your credit.

| Bundle | Price | Data | Minutes and texts |
|---|---|---|---|
| Flex 10 | £10 | 8GB | Unlimited |
| Flex 15 | £15 | 30GB | Unlimited |
| Flex 20 | £20 | 100GB | Unlimited |

Bundles **renew automatically** every 30 days if you have enough credit. If you don't, the bundle stops and you pay standard rates until you top up and buy it again. Unused bundle allowance doesn't roll over.

## Standard rates (no bundle)

Calls **20p a minute**, texts **15p**, data **10p per MB**.

## Does my credit expire?

Your credit doesn't expire as long as you use your SIM. If you don't make a **chargeable call, text or data session, or top up** for **120 days**, we'll text you a warning. If there's still no activity after another **30 days** (150 days in total), your SIM is disconnected, any credit is lost and the number may be given to someone else.

## Refunds

Credit can't be refunded or transferred to another person or network. If a top-up was taken from your card in error (for example twice), tell us within **30 days** and we'll refund it.

## Moving to pay monthly

You can move from Flex to a pay monthly plan in the app and keep your number. Any remaining credit can be used against your first bill.
""",
[
 "whats the smallest amount I can top up on payg",
 "can i top up with cash at the corner shop",
 "how do i make my phone top up automatically when it gets low",
 "does pay as you go credit run out if I don't use it",
 "I haven't used my flex sim in about 5 months, is it still working",
 "which flex bundle gives the most data and how much",
 "if I don't have enough credit when my bundle renews what happens",
 "how much do calls cost without a bundle on flex",
 "got charged twice for a top up on my card",
 "want to go on a contract from payg, keep number and credit?",
 "is there a max balance on payg",
],
[
 ("What number do I call to top up from my Flex phone?", "Call 4444 from your Flex phone, or top up in the app, online or with a PayPoint voucher."),
 ("How long does a Flex bundle last?", "Bundles last 30 days and renew automatically if you have enough credit."),
 ("Can I give my leftover credit to my daughter's SIM?", "Unfortunately credit can't be transferred to another person or network."),
 ("How much is data per MB on pay as you go without a bundle?", "Standard data is 10p per MB (calls 20p a minute, texts 15p)."),
 ("Does the unused data on my Flex bundle roll over?", "No, unused bundle allowance doesn't roll over."),
 ("When do you disconnect a pay as you go SIM for not being used?", "After 120 days without chargeable activity we text a warning, and after 150 days in total the SIM is disconnected and credit is lost."),
]);

A("business-getting-started", "Getting started with Kestrel Business", """
Welcome to Kestrel Business. This guide is for the person setting up the account - usually the **account owner** or an office manager.

## The Business Hub

Everything is managed in the **Kestrel Business Hub** (web only - there's no Business Hub app). The person who signed the contract is the **account owner** and gets the first login.

### Adding admins

The account owner can add up to **10 admins**. There are three roles:

- **Full admin** - manage lines, order SIMs and devices, change bars.
- **Billing admin** - see and pay invoices, change payment details.
- **Read-only** - view usage and reports.

## Ordering SIMs and phones

- Order SIMs in the Business Hub under **Lines > Order SIMs**. SIMs ordered before **3pm** on a working day arrive the **next working day**.
- You can order up to **100 SIMs** at once.
- Each SIM has a temporary number until you assign an existing number or port one in.

## Bringing your existing business numbers

- For **up to 9 numbers**, enter each PAC in the Business Hub as you would for a personal line.
- For **10 or more numbers**, use the **bulk port form** with a PAC for each number. Choose a port date at least **5 working days** ahead. All numbers move on the same day.

## Assigning lines to users

Give each line a user name and, if you use them, a cost centre. Line users can download the Kestrel app and log in with their work email to see their own usage, but they can't see invoices or change plans.

## Bars and controls

New business lines have these defaults:

- International calls: **allowed**
- Premium-rate numbers: **barred**
- Roaming: **Zone 1 only**

Change them per line or for the whole account in **Lines > Bars**.

## Shared data pool

On Business Pro, all lines share one **data pool**. Admins can set a monthly limit per line so one user can't use the whole pool.

## Account managers

Accounts with **25 or more lines** get a named account manager. Smaller accounts are supported by our business team by chat and phone, 8am to 8pm Monday to Saturday.
""",
[
 "just signed up our company, who gets access to manage everything",
 "how many admins can we have on the business account",
 "if I order work sims at 4pm on a tuesday when will they arrive",
 "we need to move 15 numbers from our old provider to kestrel business, how",
 "is there a business hub app for my phone",
 "what are the default bars on new business lines",
 "can our staff see the company invoice in their app",
 "we have 30 lines, do we get a dedicated contact",
 "stop one employee eating the whole shared data allowance",
 "max number of sims per order for business",
 "what can a read-only admin do in the business portal",
],
[
 ("What time is the cut-off for next-day SIM delivery on business?", "SIMs ordered before 3pm on a working day arrive the next working day."),
 ("How much notice for porting 20 numbers to Kestrel Business?", "For 10 or more numbers use the bulk port form and pick a date at least 5 working days ahead - they all move the same day."),
 ("Can staff log into the Kestrel app with their work phone?", "Yes, line users log in with their work email to see their own usage, but not invoices or plans."),
 ("Which admin role can pay invoices?", "Billing admins can see and pay invoices and change payment details."),
 ("Are premium numbers blocked on new company lines?", "Yes, premium-rate numbers are barred by default; change it under Lines > Bars."),
 ("When is the business support team available?", "8am to 8pm Monday to Saturday by chat and phone (accounts with 25+ lines get an account manager)."),
]);

A("business-lines-management", "Managing lines on a Business account", """
Admins can manage lines in the Business Hub under **Lines**.

## Adding a line

Add a line with **Lines > Add line**. New lines are on the same plan as the account unless you choose another. Adding a line starts a new minimum term for that line only.

## Moving a line to an employee (transfer of ownership)

When an employee leaves, they may want to keep their work number on a personal plan. This is a **transfer of ownership**:

1. An admin starts the transfer in **Lines > Transfer ownership**.
2. The employee accepts by email and passes a credit check for a personal account.
3. The transfer completes within **5 working days**.

There's no charge from Kestrel, but if the line is still within its minimum term the business pays the early termination charge for that line. Transfers from a personal account **into** a business account are also possible - the account holder starts it in the app.

## Suspending a line

If a phone is lost or an employee is on long leave, you can **suspend** a line for up to **3 months** in a 12-month period. While suspended, the line rental is **half price**. Suspended lines can't make or receive calls.

## Removing a line

To remove a line, give **30 days' notice** in the Business Hub. Lines within their minimum term have an early termination charge. Unused lines can instead be moved to a cheaper **Business Lite** plan (£5 a month, 1GB).

## Replacement SIMs for business lines

Replacement SIMs for business lines are free and unlimited. Admins can order them in **Lines > Replace SIM** for next-day delivery.

## Usage alerts

Set a monthly alert per line for data or spend. The admin and the line user are emailed when it's reached. Alerts don't stop service - use bars for that.
""",
[
 "an employee is leaving and wants to take her work number with her, how",
 "how long does it take to move a company line to someone's personal account",
 "who pays the fees if a work line is moved to an ex employee mid contract",
 "one of our staff is on maternity leave for 6 months, can we pause her line",
 "how much is line rental while a business line is suspended",
 "we need to get rid of 3 unused work phones, how much notice",
 "is there a cheap plan for business lines we barely use",
 "do we pay for replacement sims on company phones",
 "can i move my personal number into my company's kestrel business account",
 "will a usage alert cut off a line when it's reached",
],
[
 ("What happens to minimum term when we add another line?", "A new minimum term starts for the added line only."),
 ("Can a suspended business line still receive calls?", "No, suspended lines can't make or receive calls; rental is half price while suspended."),
 ("Does the employee need a credit check to take over their work number?", "Yes, they accept by email and pass a credit check for a personal account; the transfer takes up to 5 working days."),
 ("Maximum time a business line can be suspended?", "Up to 3 months in any 12-month period."),
 ("What is Business Lite?", "A £5 a month plan with 1GB, for lines you barely use."),
 ("Who gets the email when a line usage alert triggers?", "Both the admin and the line user are emailed - alerts don't stop service."),
]);
