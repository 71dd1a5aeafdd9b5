A("billing-faq-consumer", "Billing FAQ", """
This page answers the most common questions about bills for **personal (consumer) accounts** - pay monthly mobile, Kestrel Home Fibre and bundles of the two. If you have a Kestrel Business account, see the Billing FAQ for business customers instead, because invoice dates, payment terms and fees are different.

## When is my bill produced?

Your bill date is set when your first service is connected and is shown in the Kestrel app under **Account > Bills**. Each bill covers:

- your monthly plan charges **in advance** for the coming month, and
- any usage outside your allowance (calls to premium numbers, add-ons, roaming charges) **in arrears** for the month that has just ended.

Bills are ready to view in the app about two days after your bill date. We send a text or email when a new bill is ready.

### Changing your bill date

You can move your bill date once every **6 months**. Choose any date from the 1st to the 28th of the month in the app (Account > Bills > Change bill date). The bill after the change will include a one-off part-month (pro-rata) charge to line things up, so it may be higher or lower than usual.

## Why is my first bill higher than expected?

Almost every first bill is higher than the ones that follow. That is because it normally includes:

1. A part-month charge from the day your service started to your first bill date.
2. A full month of plan charges in advance.
3. Any one-off charges, such as a set-up fee or a delivery charge for express delivery.

From the second bill onwards you should only see a single month's plan charge plus any extras.

## Understanding the sections of your bill

| Section | What it shows |
|---|---|
| Plan charges | Your monthly airtime, broadband and device plan charges |
| Add-ons | Data add-ons, International 300, Kestrel Protect and other bolt-ons |
| Usage | Anything outside your allowance: premium numbers, out-of-bundle calls, roaming |
| Charge to Bill | Purchases from third parties (apps, games, parking, donations) charged to your bill |
| Credits and adjustments | Goodwill credits, compensation and refunds |

Every bill shows VAT. You can download a PDF copy of any bill from the last **18 months** in the app; older bills can be requested from our team (allow up to 10 working days).

## How can I pay?

- **Direct Debit** - the default for pay monthly. We collect about 10 days after your bill date.
- **Debit or credit card** - in the app, on the website or by calling our automated payment line. We don't accept American Express.
- **Bank transfer** - use your account number as the reference. Allow 3 working days for the payment to reach us.

Cash payments are not accepted in Kestrel stores.

## What happens if I miss a payment?

If a Direct Debit fails we will try to collect it again once, 5 days later. If the bill is still unpaid **14 days after its due date** we add a **late payment fee of £7.50**. We will only charge this fee once per bill.

If the balance is still unpaid after **28 days**, we may stop outgoing calls, texts and data (you can still receive calls and call 999). After **60 days** we may pass the debt to a collection agency and cancel your services, and early termination charges may apply.

If you are struggling to pay, please talk to us before the due date. We can set up a payment arrangement of up to **3 months** and we will not charge a late payment fee while an arrangement is kept.

## Paper bills

Paper bills cost **£2.50 a month** per account. They are free if you are aged 75 or over, or if you have told us that you need paper bills because of a disability or because you can't get online. Large print and braille bills are free for anyone who needs them.

## I think a charge is wrong

You can dispute a charge within **60 days of the bill date** it appeared on. Use **Report a problem with a charge** next to the item in the app, or chat to us. While we look into it:

- the disputed amount is put on hold and you won't be charged a late fee for it,
- you still need to pay the rest of the bill as normal.

We aim to give you a decision within **10 working days**. If we agree the charge was wrong we will add a credit to your next bill. If you are unhappy with the outcome you can use our complaints process.

## Refunds and credits

Credits are normally applied to your next bill rather than paid back to you. If you have closed your account and have money left over, we refund it to the card or bank account you last paid with within **5 working days** of your final bill.

## Annual price changes

Every April your monthly plan price goes up by a fixed amount that is shown in your contract summary:

- mobile airtime plans rise by **£1.80 a month**,
- Kestrel Home Fibre plans rise by **£3.00 a month**.

Device plans, add-ons bought separately and Kestrel Flex (pay as you go) are not affected by the annual change.

## Charge to Bill and premium services

Charge to Bill lets you pay for things like app store purchases, parking and text donations on your phone bill. The limit is **£40 per month** per line. You can switch Charge to Bill off, or block premium-rate services entirely, in the app under **Settings > Purchases and barring**. If you see a Charge to Bill purchase you didn't make, report it within 60 days as a disputed charge.

## Family accounts

One account holder can add up to **5 extra lines** to the same bill. Each extra mobile line gets **10% off** its airtime plan. Every line has its own allowance, but all charges go on one bill paid by the account holder.
""",
[
 "why is my first phone bill so much more than the monthly price I signed up for",
 "can I move the date my bill comes out? payday is the 25th",
 "How often am I allowed to change my billing date",
 "my direct debit bounced, what happens now and will I get charged extra",
 "how much is the fee if I pay my bill late",
 "i want paper bills posted to my mum, she's 81 - does that cost anything",
 "how long do I have to challenge something on my bill that I dont recognise",
 "there's a £4.99 game purchase on my bill that my son made without asking, can I get it back and how do I stop this",
 "do you take amex",
 "how much will my monthly price go up in april on my mobile plan",
 "Hi, I closed my account and I'm owed £23 in credit. when will I see it back?",
 "can i add my kids phones to my bill and is there any discount for that",
],
[
 ("hello, I was charged a late fee but I'd paid most of the bill. how much is it and when is it added?", "The late payment fee is £7.50 and is only added if the bill is still unpaid 14 days after the due date, once per bill."),
 ("I need an old bill from 2 years ago for a visa application, I can't see it in the app", "The app only shows the last 18 months of bills; for older ones we can send a copy on request, which takes up to 10 working days."),
 ("Is it possible to pay my phone bill with cash at one of your shops?", "Unfortunately stores can't take cash - you can pay by Direct Debit, debit/credit card (not Amex) or bank transfer."),
 ("whats the max I can spend on things like parking apps through my phone bill", "Charge to Bill purchases are limited to £40 a month per line, and you can turn it off in Settings > Purchases and barring."),
 ("I lost my job and can't pay this month's phone bill in full, what are my options?", "We can set up a payment arrangement of up to 3 months, and no late fee is charged while you keep to it - please contact us before the due date."),
 ("got a message saying my broadband will go up in April - by how much?", "Home Fibre plans rise by a fixed £3.00 a month each April, as shown in your contract summary."),
]);

A("billing-faq-business", "Billing FAQ", """
This FAQ is for **Kestrel Business** accounts (sole traders, companies and public sector organisations). Personal accounts have different bill dates, payment terms and fees - see the consumer Billing FAQ.

## Invoice date and what it covers

All business accounts are invoiced on the **1st of each month**. The invoice covers line rental for the month ahead and usage for the previous calendar month. Invoices appear in the Kestrel Business Hub on the 3rd working day of the month, and the billing contact receives an email.

Unlike personal accounts, the invoice date **cannot be changed**.

## Payment terms

Payment is due **30 days from the invoice date**. You can pay by:

- Direct Debit (collected on the 30th day, or the next working day),
- BACS transfer - quote your business account number (it starts with **KB**),
- debit or business credit card through the Business Hub, up to **£5,000 per invoice**. Invoices larger than that must be paid by Direct Debit or BACS.

## Late payment

If an invoice is unpaid 30 days after it was due we add an administration charge of **£25 per overdue invoice**. If it is still unpaid **45 days** after the due date, we may suspend outgoing service on all lines on the account until the balance is cleared. We will write to the billing contact and the account owner before suspending.

## Credit limits for new accounts

New business accounts have a monthly credit limit of **£1,500** for usage outside plans (roaming, international calls, add-ons). When you reach 90% of it, the account owner receives an alert. You can ask for a higher limit after **3 months** of on-time payments; we run a business credit check before agreeing.

## VAT invoices and purchase orders

Every invoice is a valid VAT invoice and shows our VAT number. You can add a **purchase order (PO) number** that will be printed on all future invoices: Business Hub > Billing > Invoice settings. PO numbers can be up to 20 characters.

Paper copies of invoices are sent **free of charge** to business customers on request.

## Cost centres and itemised billing

You can group lines into up to **50 cost centres** so that each department's spend is shown separately on the invoice. Itemised call and data records can be exported as CSV from the Business Hub for the last **24 months**.

## Consolidated billing

If you have several Kestrel Business accounts (for example, one per site) you can ask for them to be billed together on a single consolidated invoice. One billing account can hold up to **500 lines**. Ask your account manager or chat to the business team; the change takes effect from the next invoice.

## Disputing an invoice

Business customers can dispute a charge within **90 days** of the invoice date. Raise it through Business Hub > Billing > Dispute. The disputed amount is excluded from late payment charges while it's under review; we aim to respond within **15 working days**.

## Annual price changes

Business line rental rises each April by a fixed **£2.20 per line per month**. Data-only SIMs and Business Broadband rise by £2.50 per month. Prices for bolt-ons are not affected.

## Who can change billing details?

Only the **account owner** or a Business Hub user with the **Billing admin** role can change the payment method, billing contact or invoice address. Line users cannot see invoices.
""",
[
 "what day of the month do we get invoiced on our company account",
 "our finance team wants the invoice date moved to the 15th on our business account, is that possible?",
 "payment terms on business invoices?",
 "can I pay our company invoice of £7,200 by card through the business portal",
 "we're a small company and our invoice is overdue by a few weeks — what charges get added, and when would you cut our lines off?",
 "How do I get our PO number to show on the invoices, accounts payable won't process them without it",
 "new business customer here, we hit some sort of spending limit on roaming, what is the limit and can it go up",
 "can we split the invoice by department? marketing and sales want to see their own phone costs",
 "how far back can i export itemised call records for our business lines",
 "we have 3 offices each with their own kestrel business account, can they be put on one bill",
 "how long do business customers have to dispute a line on an invoice",
 "one of our employees wants to change the card we pay with but it says no permission. who can do that on a business account?",
],
[
 ("Do business accounts get charged for posted paper invoices?", "No - paper copies of invoices are free for business customers, just ask and we'll send them."),
 ("How much will our line rental go up next April? We have 40 lines with you.", "Business line rental rises by a fixed £2.20 per line per month each April (data-only SIMs and Business Broadband by £2.50)."),
 ("Our company invoice is 50 days overdue and we got a warning letter, what happens next?", "After 45 days past the due date we may suspend outgoing service on all lines until the balance is cleared; there's also a £25 admin charge per overdue invoice."),
 ("What's the reference I should use when paying our invoice by BACS?", "Please quote your business account number, which starts with KB."),
 ("max number of lines on one consolidated business invoice?", "A single billing account can hold up to 500 lines."),
 ("How many cost centres can we set up in the business portal?", "You can create up to 50 cost centres so each department's spend shows separately."),
]);

A("spend-cap", "Setting a spend cap", """
A spend cap stops you running up unexpected charges on top of your monthly plan. When you reach your cap, we stop anything that would cost extra until your next bill date - your plan allowances keep working.

## Setting or changing your cap

1. Open the Kestrel app and choose the line.
2. Go to **Settings > Spend cap**.
3. Pick an amount from **£0 to £200**, in steps of £5.

Lowering a cap takes effect **immediately**. Raising a cap can take **up to 1 hour**. Only the account holder can change the cap on a line; on family accounts, extra line users can see their cap but not change it.

Lines for users aged under 18 have a cap of **£10** by default. A cap of £0 means nothing outside your allowance can be charged.

## What counts towards the cap

- calls, texts and data outside your allowance (including premium-rate numbers, 084/087 and 09 numbers),
- data add-ons and Unlimited Day Passes,
- roaming daily charges and the Worldwide Travel Pass,
- Charge to Bill purchases.

## What doesn't count

- your monthly airtime plan charge and device plan,
- Kestrel Protect insurance,
- the annual price change.

## Alerts

We text you when you reach **80%** of your cap and again when you hit it. When the cap is reached you can still call 999 and 112, receive calls, and call Kestrel customer services free.

Spend caps are not available on Kestrel Business lines; business admins use line bars and the account credit limit instead.
""",
[
 "how do I stop my daughter running up a huge bill on her phone",
 "what's the highest limit I can put on my spend cap",
 "I raised my cap but I still can't buy a data add on, how long does it take",
 "does my roaming daily charge use up my spending limit",
 "is the phone insurance included in the cap amount",
 "can i set the cap to zero so nothing extra ever gets charged",
 "do you warn me before i hit my limit",
 "i'm the second line on my dads account and want to increase my cap but the button is greyed out",
 "when my spend cap runs out can I still phone 999?",
 "kids phone (she's 14) already seems to have a £10 limit on it, I never set that?",
],
[
 ("can i change my spending limit in £1 increments? want to set it at £12", "Caps go in steps of £5, from £0 to £200, so you could choose £10 or £15."),
 ("if i hit my cap will my normal allowance stop working too?", "No - your plan allowances keep working; the cap only stops things that would cost extra until your next bill date."),
 ("Can I set a spending cap on our company phones?", "Spend caps aren't available on business lines - admins use line bars and the account credit limit instead."),
 ("do app store purchases on my bill count towards my limit", "Yes, Charge to Bill purchases count towards your spend cap."),
 ("I lowered my spend cap, when does it kick in?", "Lowering a cap takes effect immediately; raising one can take up to an hour."),
 ("what texts do I get about my cap?", "We text you at 80% of your cap and again when you reach it."),
]);

A("data-add-ons", "Running out of data: data add-ons", """
If you use up your monthly data allowance, your mobile data stops until your next bill date unless you add more. We **never** add data automatically or charge you for going over.

## Data alerts

We send a text when you've used **80%** and **100%** of your allowance. You can see your usage in the app at any time (it can be up to 1 hour behind).

## Add-ons you can buy

| Add-on | Price | Lasts |
|---|---|---|
| 2GB data | £4 | until your next bill date |
| 10GB data | £10 | until your next bill date |
| Unlimited Day Pass | £3 | 24 hours from when you buy it |

Add-ons are bought in the app under **Add-ons > Data**, and appear on your next bill. You can buy as many as you like, subject to your spend cap.

## Does unused data roll over?

Unused data from your plan does not roll over, except on **Kestrel Max** plans, where up to one month's unused allowance rolls into the following month (rolled-over data is used first). Unused add-on data never rolls over.

## Using add-ons abroad

Add-on data can be used in Roam Zone 1 and, with a Worldwide Travel Pass, in Zone 2. The Unlimited Day Pass works **in the UK only**.

## Kestrel Flex (pay as you go)

Flex customers buy data through bundles or use credit at 10p per MB; the add-ons above are for pay monthly plans only.
""",
[
 "out of data and its 9 days until my bill resets, what can I do",
 "how much is it to get 10 gig extra",
 "does the unlimited day thing last until midnight or 24 hours",
 "will you automatically charge me if I go over my data",
 "I didnt use all my data last month, do i keep it",
 "can i use the unlimited day pass when I'm in france",
 "when do you send a text about data usage",
 "is there a limit on how many extra data bundles I can buy in a month",
 "i'm on max, does leftover data carry over and which gets used first",
 "my data usage in the app looks wrong, I know i've used more today",
],
[
 ("How much does a small data top-up cost on a monthly plan?", "The 2GB add-on is £4 and lasts until your next bill date."),
 ("Do extra data add ons carry over if I don't use them?", "No - add-on data never rolls over; it ends at your next bill date."),
 ("I'm on pay as you go, can I buy the 10GB data add on?", "Those add-ons are for pay monthly plans only; Flex customers use bundles or credit at 10p per MB."),
 ("bought the day pass at 3pm, when does it end?", "The Unlimited Day Pass lasts 24 hours from when you buy it, so 3pm tomorrow."),
 ("does the 2gb add-on work while I'm roaming in spain?", "Yes, add-on data works in Roam Zone 1 (and in Zone 2 with a Worldwide Travel Pass)."),
 ("Will my data just keep going and cost me if I run out?", "No, data stops when your allowance is used up; we never add data automatically or charge for going over."),
]);
