A("getting-started-payroll", "Getting started with Ledgerly Payroll", """
Ledgerly Payroll lets you pay employees, file payroll taxes and give staff online payslips, all from the same place as your books. This guide walks you through setting up payroll for the first time, for companies in the **UK** or the **US**.

Payroll is an add-on that works with every Ledgerly plan. It costs **$6 / £5 per employee per month**, charged only for employees you actually pay in that month (see the Billing FAQ).

## Before you start

Set up payroll at least **3 working days (UK)** or **5 business days (US)** before your first payday. You'll need:

| You need | UK | US |
|---|---|---|
| Company tax IDs | Employer PAYE reference and Accounts Office reference | EIN and state withholding / unemployment account numbers |
| Government access | HMRC online account (to authorise Ledgerly as your agent is **not** needed - we file as your software) | Signed Ledgerly tax power of attorney (Form 8655), e-signed during setup |
| Employee details | Name, address, date of birth, NI number, tax code, starter declaration or P45 | Name, address, SSN, Form W-4 and state withholding form |
| Bank account | The account you pay wages from | The account we debit for wages and taxes |

## Step 1: Company details

Go to **Payroll > Settings > Company**. Enter your registered company name exactly as your tax authority has it. UK employers also choose whether they can claim **Employment Allowance**; Ledgerly will then reduce your employer NI automatically until the allowance is used up.

US employers add every state where they have employees. If you're not yet registered in a state, Ledgerly shows the registration links but **can't register for you**.

## Step 2: Pay schedules

Create one or more pay schedules in **Payroll > Settings > Pay schedules**:

- UK: weekly, fortnightly, four-weekly or monthly.
- US: weekly, biweekly, semimonthly or monthly.

Each schedule has a pay frequency, a first payday and a rule for paydays that fall on a weekend or bank holiday (pay the working day before, by default). You can have up to **5 pay schedules** per company - for example monthly for salaried staff and weekly for hourly staff.

## Step 3: Add employees

Add employees one at a time or import a CSV (see Adding a new employee). You can invite employees to the self-service portal to enter their own bank details and tax forms - invitations are free and don't count as users.

## Step 4: Year-to-date figures (switching mid-year)

If you've already paid employees this tax year with another provider, you **must** enter year-to-date (YTD) figures before your first Ledgerly pay run. Otherwise tax will be calculated as if nothing had been paid yet.

- Enter YTD pay, tax, NI / Social Security and Medicare, pension and statutory payments for each employee.
- YTD figures **can't be edited after your first pay run is approved**. If you find a mistake later, contact support.
- US companies switching mid-quarter also enter quarter-to-date figures so quarterly filings are correct.

## Step 5: Bank account

- **UK**: choose how you pay wages. Either download a **BACS file** or bank CSV after each pay run and upload it to your bank, or use **Ledgerly Direct Payments**, where we send the payments for you (available after identity verification).
- **US**: connect the bank account we debit for net pay and taxes. We verify it with **two small deposits** that arrive within 1-2 business days - enter the amounts in Ledgerly to confirm. New accounts have a **payroll limit of $50,000 per pay run for the first 90 days**; contact us if you need more.

## Step 6: Approvers

Choose who can approve pay runs. Only users with the **Owner**, **Admin** or **Payroll manager** role can approve. You can require **two approvers** for every pay run in Payroll > Settings > Approvals.

## Step 7: Preview your first pay run

Ledgerly creates your first pay run automatically from your pay schedule. Use **Preview** to check net pay and taxes against your previous provider before approving. Nothing is sent to the tax authority or the bank until you approve.

## Help with setup

- Scale plan customers get a free **payroll onboarding call** (45 minutes).
- Everyone can use the setup checklist in Payroll > Get started, which shows what's left to do.
""",
[
 "what do I need before I set up payroll in ledgerly for my uk company",
 "do I have to add ledgerly as an agent in my HMRC online account",
 "we've already paid staff since april with our old payroll bureau, what do I do when moving to ledgerly",
 "I entered the wrong year to date tax figure but I've already run the first payroll, can I change it",
 "can ledgerly register my company for state withholding in texas",
 "how many pay schedules can we have? we pay some people weekly and some monthly",
 "the two little test deposits haven't shown in our bank yet, how long do they take",
 "why is there a $50k limit on our first payrolls",
 "can i make it so two people have to approve each payroll run",
 "how many days before the first payday should we start setting up payroll in the US",
 "what does the employment allowance option in payroll setup actually do",
 "is there someone who can walk me through payroll setup on a call",
],
[
 ("Where do I turn on Employment Allowance in Ledgerly?", "It's in Payroll > Settings > Company - once you tick it, employer NI is reduced automatically until the allowance is used up."),
 ("Do I need to sign anything for US tax filings during payroll setup?", "Yes, you e-sign Form 8655 (tax power of attorney) during setup so we can file on your behalf."),
 ("Can I pay wages myself through my bank instead of Ledgerly paying them? UK company", "Yes, you can download a BACS file or bank CSV after each pay run and upload it to your bank."),
 ("What pay frequencies are supported for US employees?", "Weekly, biweekly, semimonthly or monthly."),
 ("If payday lands on a Sunday what does Ledgerly do?", "By default it pays on the working day before; you can set the rule on each pay schedule."),
 ("Does anything go to HMRC when I preview a pay run?", "No, nothing is sent to the tax authority or the bank until you approve."),
]);

A("getting-started-invoicing", "Getting started with Ledgerly Invoicing", """
Send your first professional invoice in a few minutes.

## 1. Add your business details and branding

Go to **Settings > Invoice branding**. Upload your logo (**PNG or JPG, up to 2 MB**), choose a colour and add your payment details. UK VAT-registered businesses should add their VAT number here so it appears on every invoice.

## 2. Set up invoice numbering

Invoices are numbered automatically (INV-0001, INV-0002...). You can change the **prefix** and the **next number** in Settings > Invoice numbering. Numbers must be unique - Ledgerly won't let you reuse a number, even on a deleted invoice.

## 3. Add customers

Add customers as you go, or import a CSV of contacts. For each customer you can set a default currency, payment terms and who receives invoices (up to **5 email addresses**).

## 4. Choose default payment terms

The default is **30 days**. Change it in Settings > Invoice defaults, or per customer. Common choices: due on receipt, 7, 14, 30 or 60 days, or end of the following month.

## 5. Create and send the invoice

1. Click **New invoice**, choose the customer and add line items.
2. Preview, then **Send**. The customer gets an email with a link to view and pay online, and a PDF attached.
3. Prefer to send it yourself? Choose **Mark as sent** and download the PDF.

Invoices stay in **Draft** until sent. Drafts don't affect your reports.

## Plan limits

| Plan | Invoices per month | Multi-currency |
|---|---|---|
| Starter | 20 | No |
| Growth | Unlimited | Yes |
| Scale | Unlimited | Yes |

## Getting paid faster

- Turn on Ledgerly Pay so customers can pay by card or bank transfer.
- Set up automatic payment reminders.
- Use recurring invoices for regular customers.
""",
[
 "how do I put my company logo on invoices, what file types",
 "my logo is 4mb and won't upload",
 "can I start my invoice numbers from 1050 since I'm moving from another tool",
 "i deleted invoice INV-0042 by mistake, can i reuse that number",
 "how many email addresses can an invoice go to",
 "what's the default due date on new invoices and where do I change it",
 "I want to email the invoice from my own outlook, not through ledgerly",
 "do draft invoices show up in my profit and loss",
 "how many invoices can I send on the cheapest plan",
 "can I invoice a customer in euros on Starter",
 "I'm new to ledgerly, how do I send my very first invoice",
],
[
 ("Where do I add my VAT number so it shows on invoices?", "Add it in Settings > Invoice branding and it'll appear on every invoice."),
 ("Is there a limit on invoices on the Growth plan?", "No - Growth and Scale have unlimited invoices; Starter is limited to 20 a month."),
 ("What does the customer receive when I hit send?", "An email with a link to view and pay online, plus a PDF copy attached."),
 ("Can I set different payment terms for one customer?", "Yes, payment terms can be set per customer as well as the company default."),
 ("How do I change the INV prefix?", "Change the prefix and next number in Settings > Invoice numbering."),
 ("Can I get a PDF without emailing the invoice?", "Yes, use Mark as sent and download the PDF to send yourself."),
]);

A("billing-faq-subscription", "Billing FAQ", """
Answers to common questions about paying for **your own Ledgerly subscription**. If you're an accounting firm paying for clients' subscriptions, see the Billing FAQ for accounting partners.

## Plans and prices

| Plan | Monthly price (US) | Monthly price (UK) |
|---|---|---|
| Starter | $15 | £12 |
| Growth | $39 | £30 |
| Scale | $79 | £62 |

User limits and features for each plan are listed in Users, roles and permissions and on our pricing page.

UK prices exclude VAT. US prices exclude any applicable sales tax.

**Payroll** is an add-on at **$6 / £5 per employee per month**. You're charged for each employee (or contractor) paid at least once during the month, **in arrears** on your next invoice.

## Free trial

Every new company gets a **30-day free trial** of the Growth plan with payroll included. No card is needed to start. If you don't add a payment method by the end of the trial, your company becomes read-only until you choose a plan.

## Monthly or annual billing

- **Monthly**: billed on the same date each month (the day your trial ended or you subscribed).
- **Annual**: pay for **10 months and get 12** (2 months free). The payroll add-on is always billed monthly, even on annual plans.

## How can I pay?

- Credit or debit card: Visa, Mastercard and American Express.
- **Direct Debit** (UK only).
- **ACH bank transfer** (US, **annual plans only**).

We can't accept cheques or checks, PayPal, or payment by invoice for plans under $2,000 / £1,600 a year.

## Receipts and invoices

Download subscription invoices in **Settings > Billing > Billing history**. You can add a company name, address, a PO number and your **VAT number** to future invoices. EU businesses with a valid VAT number are invoiced under the **reverse charge**.

## What happens if a payment fails?

We'll email the owner and retry the card **3, 5 and 10 days** after the failed payment. If it's still unpaid after **10 days**, your company becomes **read-only**: you can view and export data but can't create invoices or run payroll. Paying the outstanding balance restores full access immediately.

If the balance is unpaid after **60 days**, we cancel the subscription (see Cancelling your subscription).

> **Payroll warning**: a failed subscription payment never stops a pay run that was already approved, but you won't be able to approve new pay runs while your company is read-only.

## Refunds

- **Monthly plans**: we don't refund partial months.
- **Annual plans**: cancel within **30 days** of the annual payment for a **full refund**. After 30 days, annual plans aren't refundable, but you can switch to monthly at renewal.
- Payroll add-on charges aren't refundable because they're for employees already paid.

## Price changes

We give at least **30 days' notice** by email before changing the price of your plan. Annual plans keep their price until renewal.

## Discounts

- **Registered non-profits and charities** get **25% off** any plan. Apply in Settings > Billing > Discounts with proof of registration. The discount doesn't apply to the payroll add-on.
- We don't offer student or start-up discounts.

## Changing currency or billing country

Your billing currency is set when you sign up and **can't be changed**. If your company moves country, contact support to open a new company and move your data.
""",
[
 "how much is the growth plan per month in the UK",
 "how many users do i get on starter",
 "is there a free trial and do I need to put card details in",
 "we paid 4 staff this month, one of them twice, how many payroll charges will I see",
 "is annual billing any cheaper",
 "we're on annual, why is payroll still being billed every month",
 "can we pay by bank transfer, we're a US company on monthly",
 "our card declined for the subscription, what happens to our account",
 "our subscription payment failed and payday is friday, will the payroll still go out",
 "paid for a year 2 weeks ago and want to cancel, can I get money back",
 "do charities get a discount on ledgerly",
 "can I switch our billing from dollars to pounds",
],
[
 ("How much notice do you give before raising prices?", "At least 30 days by email, and annual plans keep their price until renewal."),
 ("Can I add a PO number to my Ledgerly invoice?", "Yes - in Settings > Billing > Billing history you can add a company name, address, PO number and VAT number to future invoices."),
 ("We're a Dutch company, do you charge us VAT on the subscription?", "EU businesses with a valid VAT number are invoiced under the reverse charge."),
 ("Do you take PayPal for the subscription?", "We can't accept PayPal - cards (Visa, Mastercard, Amex), Direct Debit in the UK, or ACH for US annual plans."),
 ("If I stay on the free trial and don't add a card, is my data deleted?", "No, at the end of the trial your company becomes read-only until you choose a plan."),
 ("Is there a startup discount?", "We don't offer start-up discounts - the only discount is 25% for registered non-profits."),
]);

A("billing-faq-partners", "Billing FAQ", """
This FAQ is for **accounting and bookkeeping firms** in the Ledgerly Partner Program who manage client subscriptions. For paying for a single company's subscription, see the standard Billing FAQ.

## Partner-billed vs client-billed

| | Partner-billed | Client-billed |
|---|---|---|
| Who pays Ledgerly | Your firm | The client |
| Price | **30% off** list price | List price |
| Invoice | One consolidated partner invoice | Client's own subscription invoice |
| Who can cancel | Your firm | The client (owner) |

You can choose per client. Payroll add-ons are discounted by the same 30% when partner-billed.

## The partner invoice

- All partner-billed subscriptions appear on **one invoice on the 1st of each month**.
- The invoice is **due in 14 days**. Pay by card, Direct Debit (UK) or ACH (US).
- Clients in different currencies appear on **separate invoices**, one per currency.
- The invoice lists each client and its plan, so you can recharge clients.

## Late partner invoices

If a partner invoice is unpaid **21 days** after its due date, every partner-billed client becomes **read-only**, and we email each client's owner with an option to take over billing themselves at list price.

## Moving a client between billing types

- **Client-billed to partner-billed**: takes effect **immediately**; the client gets a pro-rated credit for their unused period.
- **Partner-billed to client-billed**: takes effect at the start of the **next month**. The client owner must add a payment method first, or the company becomes read-only.

## Partner tiers

| Tier | Active partner-billed clients | Benefits |
|---|---|---|
| Bronze | 1-9 | Partner discount, partner support line |
| Silver | 10-49 | Plus a free Growth plan for your own practice |
| Gold | 50+ | Plus a named partner manager and early access to features |

Tiers are reviewed **every quarter**.

## When a client leaves your firm

If a client moves to another accountant, they can transfer to the new firm's partner billing or to client billing. You can't delete a client's company - you can only remove your firm's access.
""",
[
 "we're an accounting firm, what discount do we get if we pay for our clients' ledgerly",
 "when does the partner invoice come out and how long do we have to pay it",
 "we missed paying our practice's ledgerly invoice, what happens to our clients",
 "some clients are in the UK and some in the US, will they be on one partner invoice",
 "a client wants to pay for ledgerly themselves instead of through us, when does that switch",
 "how many clients do we need to get a free plan for our own bookkeeping firm",
 "does the partner discount apply to payroll as well",
 "we moved a client onto our partner billing, do they get anything back for the month they already paid",
 "our client has gone to another accountant, can we delete their ledgerly company",
 "how often do you review which partner tier we're in",
 "what do gold partners get",
],
[
 ("On partner billing, who can cancel a client's subscription?", "With partner-billed clients your firm can cancel; for client-billed ones only the client owner can."),
 ("Does the client need a card on file before we hand billing back to them?", "Yes, the client owner must add a payment method first or the company becomes read-only."),
 ("Can we see which client is which on the partner invoice so we can recharge them?", "Yes, the partner invoice lists each client and its plan."),
 ("What payment methods work for the partner invoice?", "Card, Direct Debit (UK) or ACH (US)."),
 ("How many partner-billed clients for Silver tier?", "Silver is 10 to 49 active partner-billed clients."),
 ("What's the list price difference for partner billed subscriptions?", "Partner-billed subscriptions are 30% off list price, including the payroll add-on."),
]);
