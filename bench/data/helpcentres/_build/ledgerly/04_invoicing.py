A("invoice-reminders", "Payment reminders and late fees", """
Stop chasing customers by hand. Ledgerly can send reminders and add late fees automatically.

## Automatic reminders

Go to **Settings > Reminders** and switch them on. You can schedule up to **5 reminders** per invoice, each a set number of days **before or after** the due date (for example 3 days before, on the due date, 7 days after, 14 days after, 30 days after).

- On the **Starter** plan you get **1 reminder** per invoice.
- Reminders are sent at **9am** in your company's time zone.
- Reminders stop as soon as the invoice is marked paid or is paid through Ledgerly Pay.
- You can turn reminders off for a single customer (for example a key account you'd rather call).

Each reminder uses an editable template. Use placeholders like **{invoice_number}**, **{amount_due}** and **{due_date}**.

## Late fees

Switch on late fees in Settings > Reminders > Late fees. Choose:

- a **fixed amount** (for example £40 / $25), or
- a **percentage** of the outstanding amount, from **1% to 5%**, added once or every 30 days.

The late fee is added as a new line on the invoice **the day after the due date**, and the customer is told in the next reminder. Late fees aren't added to invoices marked as **disputed**, or to customers you've excluded.

In the UK, you may be entitled to statutory interest and compensation on late business payments; Ledgerly's late fees don't calculate statutory interest for you.

## Statements

Send a **customer statement** showing all open invoices from the customer's page. Statements can also be sent automatically on the 1st of each month.

## Marking an invoice as disputed

If a customer queries an invoice, mark it **Disputed**. Reminders and late fees pause until you remove the flag.
""",
[
 "can ledgerly chase my customers automatically when they don't pay",
 "how many reminder emails can I set per invoice",
 "I'm on starter and can only pick one reminder, why",
 "what time of day do reminders go out",
 "how do i stop reminders going to one particular client",
 "can I charge customers a percentage for paying late",
 "when is the late fee added to the invoice",
 "customer is arguing about an invoice, I don't want reminders going to them meanwhile",
 "does ledgerly work out statutory late payment interest",
 "can I send a monthly statement to customers automatically",
 "how do I put the amount due in the reminder email text",
],
[
 ("Will reminders keep going after the customer pays?", "No, reminders stop as soon as the invoice is marked paid or paid through Ledgerly Pay."),
 ("Can late fees repeat every month?", "Yes, a percentage late fee (1-5%) can be added once or every 30 days."),
 ("Can reminders go out before the due date?", "Yes, each reminder can be a set number of days before or after the due date."),
 ("What's the maximum percentage late fee?", "Percentage late fees can be 1% to 5% of the outstanding amount."),
 ("Do late fees apply to disputed invoices?", "No, late fees aren't added to invoices marked as disputed."),
 ("Where do I turn on payment reminders?", "Settings > Reminders - switch them on and schedule up to 5."),
]);

A("ledgerly-pay", "Accepting card payments with Ledgerly Pay", """
Ledgerly Pay lets customers pay invoices online by card or bank transfer. Switch it on in **Settings > Ledgerly Pay**.

## Getting set up

We need to verify your business and identity before you can take payments: company details, the name and date of birth of a director or owner, and a bank account for payouts. Most verifications finish within **1 business day**.

## Fees

| | UK | US |
|---|---|---|
| Domestic cards | 1.4% + 20p | 2.9% + 30¢ |
| International cards | 2.9% + 20p | 3.9% + 30¢ |
| Bank payments | Pay by bank: 0.5% (max £3) | ACH: 1% (max $10) |
| Chargeback | £12 | $15 |

There are no monthly fees. Fees are deducted before the payout. Ledgerly records fees as an expense in your books automatically.

You can't add a surcharge to pass card fees to customers through Ledgerly Pay.

## Payouts

- Payouts arrive in your bank account **2 business days** after the payment.
- Your **first payout** is held for **7 days** after your first payment.
- Payouts are made in the currency of your company (GBP or USD). Invoices in other currencies are converted at the day's rate plus **1%**.

## Refunds

Refund a payment from the invoice (**Actions > Refund**) within **180 days**. Full and partial refunds are possible. The original transaction fee **isn't returned**.

## Chargebacks

If a customer disputes a card payment with their bank, we'll email you and you have **7 days** to upload evidence (the invoice, proof of delivery, emails). If the chargeback goes in your favour, the chargeback fee is returned.

## Saved cards

Customers can choose to save their card when they pay, so they don't have to type it in again next time.
""",
[
 "how do I let clients pay my invoices by credit card",
 "what are the card fees for uk customers",
 "a customer in germany paid with their card, why was the fee higher",
 "how long until card payments reach my bank",
 "I took my first card payment last week but no money yet",
 "can I add a 2% surcharge to invoices for card payments",
 "customer overpaid, how do I give part of it back",
 "will I get the fee back when I refund a customer",
 "we got a chargeback notice, what do we do and what does it cost",
 "what does ACH cost through ledgerly",
 "is there a monthly charge for ledgerly pay",
 "my invoice is in euros but my company is uk, how is it paid out",
],
[
 ("How long do you take to verify my business for Ledgerly Pay?", "Most verifications finish within 1 business day."),
 ("Are Ledgerly Pay fees recorded in my accounts?", "Yes, fees are recorded as an expense in your books automatically."),
 ("Is there a cap on pay-by-bank fees in the UK?", "Pay by bank is 0.5% capped at £3."),
 ("Do I get the chargeback fee back if I win?", "Yes, if the chargeback goes in your favour the fee is returned."),
 ("How long can I refund a payment after it was made?", "Refunds can be made from the invoice within 180 days."),
 ("Can customers save their card for next time?", "Yes, customers can save their card when they pay so they don't need to re-enter it."),
]);

A("recurring-invoices", "Recurring invoices", """
Bill regular customers automatically with recurring invoices.

## Creating a recurring invoice

Open a sent invoice and choose **Actions > Make recurring**, or go to **Invoices > Recurring > New**. Choose:

- **Frequency**: weekly, every 2 weeks, monthly, quarterly, yearly, or every N months.
- **Start date** and an **end**: never, after a number of invoices, or on a date.
- **What happens**: create as **draft** for you to review, or **send automatically**.

Invoices are created at **6am** in your company's time zone on the scheduled date.

## Charging saved cards automatically

If the customer has a saved card with Ledgerly Pay, tick **Auto-charge**. The card is charged on the invoice date. If the charge fails, the customer is emailed a link to pay and we retry **once after 3 days**.

## Editing a recurring invoice

Changes to the recurring template only affect **future** invoices. Invoices already created aren't changed.

## Pausing and stopping

**Pause** a recurring invoice to skip upcoming invoices without losing the template; resume it any time. Invoices that would have been created while paused **aren't created later**. **Stop** ends the schedule permanently.

## Dates on the invoice

Use placeholders like **[Month]**, **[Year]** and **[Period]** in line descriptions to show the service period, for example "Retainer for [Month] [Year]".

## Plan limits

Starter includes **3** active recurring invoices. Growth and Scale have no limit.
""",
[
 "I bill the same client every month, can ledgerly send it automatically",
 "can I review the monthly invoice before it goes out",
 "what time are recurring invoices generated",
 "I changed the price on my recurring invoice, will last month's invoice update too",
 "client wants to skip 2 months over summer",
 "can recurring invoices automatically take payment from the client's card",
 "the auto card charge failed on a recurring invoice, what happens",
 "how do I make the invoice say which month it's for automatically",
 "I need a quarterly invoice that stops after 4 times",
 "i've got 3 recurring invoices and can't make a fourth",
],
[
 ("If I pause a recurring invoice, do the skipped ones get created when I resume?", "No, invoices that would have been created while paused aren't created later."),
 ("Can I turn an existing invoice into a recurring one?", "Yes, open a sent invoice and choose Actions > Make recurring."),
 ("Can I bill every 6 months?", "Yes, choose 'every N months' as the frequency."),
 ("What's the difference between pause and stop?", "Pause skips upcoming invoices but keeps the template; Stop ends the schedule permanently."),
 ("Does auto-charge retry if the card fails?", "The customer is emailed a payment link and we retry once after 3 days."),
 ("Is there a limit on recurring invoices on Growth?", "No limit on Growth or Scale; Starter allows 3 active recurring invoices."),
]);

A("vat-sales-tax", "VAT and sales tax on invoices", """
Ledgerly handles tax on invoices differently in the UK and the US.

## UK VAT

### Tax rates

Ledgerly includes the standard UK rates: **20% standard**, **5% reduced**, **0% zero-rated**, **exempt** and **no VAT** (outside the scope). You can add custom rates. Set a default rate for each product or service.

### Making Tax Digital (MTD) VAT returns

On **Growth and Scale**, you can submit VAT returns to HMRC directly from Ledgerly:

1. Connect to HMRC in Settings > VAT (you'll sign in with your HMRC credentials; the connection lasts **18 months**).
2. Ledgerly shows your VAT obligations and due dates.
3. Review the return, then **Submit**. You can't edit a return after it's submitted - correct errors in your next return (if under the HMRC threshold) or tell HMRC.

Starter customers can run the VAT report but can't submit through Ledgerly.

### Schemes

Ledgerly supports **standard accrual**, **cash accounting** and the **Flat Rate Scheme** (including the limited cost trader rate). Set your scheme in Settings > VAT before your first return; changing it later only affects future periods.

### Reverse charge

For services sold to VAT-registered businesses outside the UK, choose the **reverse charge** rate; the invoice shows the required wording. The **domestic reverse charge for construction** is also supported.

## US sales tax

- Add your sales tax rates in **Settings > Sales tax**. Ledgerly **doesn't look up rates automatically** by address - you enter the rates for the places you sell.
- Combine state, county and city rates into a **combined rate** that shows as one line or broken down.
- Mark customers as **tax-exempt** and store their exemption certificate number.
- Ledgerly reports tax collected, but **doesn't file sales tax returns**.

## Tax-inclusive prices

Prices can be entered including or excluding tax, per invoice. Switch with the **Amounts are** drop-down.
""",
[
 "can I file my vat return from ledgerly",
 "I'm on starter, why can't I submit VAT to HMRC",
 "how long does the HMRC connection last before I need to reconnect",
 "submitted the VAT return with a mistake, can I edit it",
 "does ledgerly support the flat rate scheme",
 "invoicing a company in france for consulting, what VAT do I use",
 "does ledgerly know the sales tax rate for each zip code",
 "does ledgerly file my sales tax returns with the state",
 "customer is tax exempt, how do I stop charging them sales tax",
 "how do I enter prices including VAT",
 "we're a construction subcontractor, domestic reverse charge supported?",
],
[
 ("What VAT rates come built in?", "20% standard, 5% reduced, 0% zero-rated, exempt and no VAT - and you can add custom rates."),
 ("If I change VAT scheme midway, what happens to past returns?", "Changing the scheme only affects future periods - set it before your first return if possible."),
 ("Can Ledgerly show county and city sales tax on separate lines?", "Yes, a combined rate can show as one line or be broken down into state, county and city."),
 ("Does Ledgerly support cash accounting for VAT?", "Yes - standard accrual, cash accounting and the Flat Rate Scheme are supported."),
 ("Where do I store a customer's exemption certificate number?", "Mark the customer as tax-exempt and store the certificate number on their record."),
 ("Can I see my VAT deadlines in Ledgerly?", "Yes, once connected to HMRC, Ledgerly shows your VAT obligations and due dates."),
]);
