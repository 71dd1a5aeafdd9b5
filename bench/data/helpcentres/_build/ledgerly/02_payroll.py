A("pay-run-uk", "Running payroll (UK)", """
This guide covers running a regular pay run for **UK employees**, from reviewing pay to paying HMRC. For US companies, see Running payroll (US).

## The pay run at a glance

| Stage | What happens | When |
|---|---|---|
| Draft | Ledgerly creates the pay run from your pay schedule | 10 days before payday |
| Review | You add hours, overtime, bonuses, deductions and absences | Any time before approval |
| Approve | An approver checks totals and approves | See deadlines below |
| Finalise | Ledgerly sends the FPS to HMRC and publishes payslips | On approval, or on a date you choose |
| Pay | Employees are paid by BACS or Ledgerly Direct Payments | Payday |

## Reviewing the pay run

Open **Payroll > Pay runs** and select the upcoming run. For each employee you can:

- add **hours** for hourly staff (or import approved timesheets),
- add one-off **bonuses, commission and overtime**,
- add **deductions** such as salary advances or season ticket loans,
- record **sickness and parental leave** - Ledgerly works out Statutory Sick Pay (SSP), Statutory Maternity Pay (SMP) and other statutory payments automatically,
- change an employee's tax code (normally not needed - see below).

Pay runs show a warning if an employee has no NI number, a missing address or an emergency tax code.

## Tax code updates

Ledgerly checks HMRC's Data Provisioning Service **every day** and applies new tax codes, student loan start notices and postgraduate loan notices automatically. You'll see them in **Payroll > HMRC messages**. Codes received after a pay run has been approved are used from the next pay run.

## Approval deadlines

How you pay your staff decides when you must approve:

- **Ledgerly Direct Payments**: approve by **11am, 2 working days before payday**. We take the money from your account and pay employees on payday.
- **Your own BACS file**: approve in time to upload the file to your bank. Most banks need it **3 working days** before payday.
- **Faster Payments through your bank**: approve any time before you make the payments, as long as the FPS is submitted on or before payday.

If you miss the Direct Payments deadline, Ledgerly offers to move payday to the next possible date or to let you download a bank file instead.

## Finalising and the FPS

When the pay run is finalised, Ledgerly sends a **Full Payment Submission (FPS)** to HMRC. By law the FPS must be sent **on or before payday**. You can schedule finalisation for a later date (up to payday) if you want to approve early.

After finalising, payslips are published to the **employee portal at 6am on payday**. Employees without portal access can receive payslips by email as a **password-protected PDF**; the password is their date of birth in the format **DDMMYYYY**.

## Paying HMRC

Ledgerly shows what you owe HMRC for each tax month in **Payroll > HMRC payments**. PAYE, NI and student loan deductions are due by the **22nd** of the following month if you pay electronically. Ledgerly doesn't pay HMRC for you; use the payment reference shown (your Accounts Office reference plus the period).

## Employer Payment Summary (EPS)

If you need to reclaim statutory payments, claim Employment Allowance or tell HMRC you paid no employees in a month, Ledgerly sends an **EPS** automatically by the **19th** of the following month. You can also send one manually from Payroll > HMRC messages.

## Extra pay runs

Need to pay a bonus outside your normal schedule? Create a **supplementary pay run** from Payroll > Pay runs > New > Supplementary. It uses the same tax period as the regular run for that period, so tax is calculated correctly.

## Reports

After each run you can download a payroll summary, a payslip pack (PDF), a journal and a P32 (employer payment record). Journals post automatically to your Ledgerly books if accounting is switched on.
""",
[
 "when do I need to approve payroll if ledgerly pays my staff directly",
 "does ledgerly update tax codes for my employees automatically or do I type them in",
 "i'm going to upload the bacs file myself, how early should I approve",
 "what time do employees see their payslips",
 "one of my staff says she can't open her emailed payslip, what's the password",
 "when does the FPS go to HMRC and is there a legal deadline",
 "how do I pay HMRC the PAYE I owe, does ledgerly do it",
 "we didn't pay anyone this month, do I need to tell HMRC",
 "want to give everyone a christmas bonus in between normal pay runs",
 "an employee is off sick, does ledgerly calculate SSP",
 "missed the 11am cut off for direct payments and payday is in 2 days, what now",
 "can I approve payroll a week early but have the submission go on payday",
],
[
 ("When does Ledgerly create the draft pay run?", "The draft pay run is created from your pay schedule 10 days before payday."),
 ("Where can I see new tax codes that HMRC sent?", "They're listed in Payroll > HMRC messages and applied automatically from the next pay run."),
 ("What's the HMRC due date for PAYE if I pay online?", "By the 22nd of the following month when paying electronically."),
 ("Does Ledgerly send the EPS or do I have to?", "Ledgerly sends the EPS automatically by the 19th of the following month, or you can send one manually."),
 ("What payroll reports can I download after a run?", "A payroll summary, a payslip pack (PDF), a journal and a P32."),
 ("Will Ledgerly flag missing NI numbers before I pay?", "Yes, pay runs show a warning for a missing NI number, address or an emergency tax code."),
]);

A("pay-run-us", "Running payroll (US)", """
This guide covers running payroll for **US employees**: approval deadlines, direct deposit, taxes and checks. For UK companies, see Running payroll (UK).

## Approval deadlines and direct deposit speed

| Plan | Direct deposit speed | Approve by |
|---|---|---|
| Starter and Growth | 4-day | **5pm Eastern Time, 4 business days** before payday |
| Scale | 2-day | **5pm Eastern Time, 2 business days** before payday |

If you approve after the deadline, Ledgerly moves payday to the earliest possible date and warns you before you confirm. Federal bank holidays aren't business days. If a payday falls on a bank holiday, employees are paid the business day **before**, so you need to approve a day earlier.

## When money leaves your account

We debit your account for **net pay** one business day after approval, and for **taxes** on the same day. Make sure funds are available: if a debit fails, we'll try once more the next business day and pause your company's payroll until it clears, and your bank may charge a fee.

## Running the pay run

1. Open **Payroll > Pay runs** and choose the upcoming run.
2. Enter hours for hourly employees, or import approved timesheets.
3. Add bonuses, commission, reimbursements and tips. Tips can be marked as **cash tips** (reported only) or **paid tips** (paid through payroll).
4. Check deductions such as 401(k), health insurance and garnishments.
5. Review the **summary**: gross pay, employee taxes, employer taxes and net pay.
6. Approve.

## Paper checks

Some employees may prefer paper checks. Ledgerly produces check stubs and printable checks on standard **check-on-top** stock. We **don't mail checks** - you print and hand them out. Mark each check as printed so it's recorded correctly.

## Taxes we file for you

Ledgerly calculates, pays and files:

- federal income tax withholding, Social Security and Medicare (**Form 941**, quarterly) and federal unemployment (**Form 940**, annually),
- state income tax withholding and state unemployment insurance in **all 50 states and Washington DC**,
- local income taxes in **Ohio, Pennsylvania and New York City**. Other local taxes (for example in some Kentucky and Michigan cities) **aren't supported** - you'll need to file those yourself.

Tax payments are made on your behalf from the tax debit on each pay run. Filings appear in **Payroll > Tax filings** once submitted.

## Garnishments

Add child support orders and other garnishments to an employee under **Deductions**. Ledgerly deducts and pays child support to the state disbursement unit; other garnishments are deducted but you pay them to the agency.

## Off-cycle pay runs

Create an **off-cycle pay run** for bonuses, commission or a missed payment. Off-cycle runs can use a different tax withholding method (for example, **flat 22% supplemental** federal withholding for bonuses).

## New-account limits

For the first 90 days, each pay run is limited to **$50,000**. After 90 days of successful pay runs the limit is reviewed automatically.
""",
[
 "we're on growth, when's the latest I can approve payroll for a friday payday",
 "what time zone is the payroll approval cut off",
 "payday is on july 4th this year, when do people get paid",
 "when does the money actually come out of our bank after approving payroll",
 "what happens if there isn't enough money in our account when ledgerly tries to take payroll",
 "can ledgerly mail paper checks to my employees",
 "do you handle local payroll taxes in detroit",
 "does ledgerly file our 941s",
 "how do tips work in payroll for a restaurant",
 "I need to pay a bonus outside the normal schedule with flat 22% withholding",
 "we got a child support order for an employee, does ledgerly send the money to the state",
 "how do we get faster direct deposit than 4 days",
],
[
 ("Is Washington DC covered for state tax filing?", "Yes, Ledgerly files state withholding and unemployment in all 50 states and Washington DC."),
 ("Where do I see which tax filings Ledgerly has submitted?", "Filings appear in Payroll > Tax filings once submitted."),
 ("What check stock do we need to print paychecks?", "Standard check-on-top stock - we produce stubs and printable checks, but we don't mail them."),
 ("Is there a cap on how much we can run through payroll as a new US company?", "For the first 90 days each pay run is limited to $50,000, then the limit is reviewed automatically."),
 ("We garnish wages for a tax levy - does Ledgerly pay the IRS for that?", "Ledgerly deducts other garnishments but you pay them to the agency; only child support is paid to the state disbursement unit for you."),
 ("Do federal holidays count when counting business days for approval?", "No, federal bank holidays aren't business days."),
]);

A("payroll-corrections-uk", "Correcting a payroll mistake (UK)", """
Made a mistake in a UK pay run? How you fix it depends on whether the pay run has been **finalised** (FPS sent to HMRC).

## Before the pay run is finalised

Open the pay run and choose **Reopen**. Make your changes and approve it again. Nothing has been sent to HMRC or the bank yet, so there's nothing else to do.

If you use **Ledgerly Direct Payments**, you can cancel payments until **11am, 2 working days before payday**. After that, the payments will be made.

## After the pay run is finalised

Once the FPS has gone to HMRC, the pay run **can't be reopened or deleted**. Correct the mistake in the **next pay run**, or in a **supplementary pay run** if the employee needs money before the next payday.

- **Underpaid an employee**: add the missing amount to the next run (or a supplementary run). Tax is worked out on the cumulative year-to-date total, so it corrects itself.
- **Overpaid an employee**: agree with the employee how you'll recover it, then add a **deduction** to the next pay run (or spread it over several). You need the employee's agreement in writing to recover it through payroll.
- **Wrong tax code applied**: update the code; cumulative codes correct themselves in the next run.
- **Paid someone who had left**: add a negative adjustment in a supplementary run and ask the employee to return the money; Ledgerly can't recall it.

## Money already sent to the wrong bank account

BACS and Faster Payments can't be reversed by Ledgerly. Contact your bank (or, for Direct Payments, our support team) straight away - the receiving bank decides whether the money can be recovered. Update the employee's bank details before the next run.

## Mistakes from a previous tax year

Corrections for the previous tax year are made with a **correction FPS** from Payroll > Year-end > Previous year corrections. You can do this until **19 April** of the following year; after that, contact HMRC directly.

## Fees

Corrections in Ledgerly are free. HMRC may charge penalties for late or inaccurate submissions - those are the employer's responsibility.
""",
[
 "I approved payroll with the wrong overtime but it hasn't been submitted yet, can I still change it",
 "we submitted the FPS yesterday and spotted a mistake, can I delete that pay run",
 "accidentally overpaid an employee £400 last month, how do I get it back through payroll",
 "underpaid someone's commission last month and they need it before next payday",
 "can I cancel a direct payment that's going out on friday, it's wednesday afternoon now",
 "we paid a leaver by mistake in this month's payroll, can ledgerly pull the money back",
 "wages went to the wrong bank account, what can I do",
 "found an error from last tax year in payroll, how do I fix it",
 "does ledgerly charge to correct a payroll error",
 "used the wrong tax code for someone for 2 months, how do I fix it",
],
[
 ("Is there a deadline for previous tax year corrections in Ledgerly?", "You can submit a correction FPS from Payroll > Year-end > Previous year corrections until 19 April of the following year; after that contact HMRC."),
 ("Do I need the employee's permission to deduct an overpayment?", "Yes, you need their written agreement to recover an overpayment through payroll."),
 ("Can I reopen a UK pay run after the FPS is sent?", "No - once finalised it can't be reopened or deleted; correct it in the next or a supplementary pay run."),
 ("Who pays HMRC penalties if we submitted wrong payroll info?", "Corrections in Ledgerly are free, but any HMRC penalties are the employer's responsibility."),
 ("If I underpay someone, do I need to recalculate tax manually?", "No - add the missing amount to the next run and the cumulative calculation corrects the tax."),
 ("Pay run not yet sent to HMRC, how do I edit it?", "Open the pay run and choose Reopen, make your changes and approve again."),
]);

A("payroll-corrections-us", "Correcting a payroll mistake (US)", """
Here's how to fix mistakes in a **US** pay run.

## Before the approval deadline

You can **cancel** an approved pay run until the approval deadline (5pm ET, 4 or 2 business days before payday, depending on your plan). Go to the pay run and choose **Cancel payroll**, then edit and approve again.

## After the deadline: direct deposit reversals

After the deadline, payments can't be stopped. If you paid the wrong amount or paid someone twice, you can request a **direct deposit reversal**:

- Request it within **5 business days** of payday, from the pay run (**Actions > Request reversal**).
- Reversals cost **$15 per employee** and can only be used for the **wrong amount or a duplicate payment**, not for disputes with an employee.
- The employee's bank can refuse a reversal (for example if the money has been spent). Ledgerly can't guarantee it.
- You must tell the employee before requesting a reversal - in some states this is required by law.

## Voiding a paper check

If a printed check hasn't been cashed, **void** it in Ledgerly (Actions > Void check) and destroy it. Voiding reverses the taxes on that check automatically if it's in the **current quarter**.

## Correcting with an off-cycle run

For underpayments, run an **off-cycle pay run** with the missing amount. For overpayments, you can recover the net amount from the employee's next paycheck with their agreement (check your state's rules on deductions from wages).

## Tax filing amendments

If a mistake affects a quarter that has already been filed, Ledgerly files an **amended return (Form 941-X and state equivalents)** for you. Amendments cost **$75 per filing**. Penalties and interest from the tax agency caused by late or wrong information you gave us are your responsibility; if the mistake was ours, we pay them.

## Year-end corrections

Mistakes found after W-2s have been filed are corrected with a W-2c - see Year-end checklist (US payroll).
""",
[
 "approved payroll this morning for friday but the hours were wrong, can i cancel",
 "we paid an employee twice by accident in the US payroll, can you take it back",
 "how much does a direct deposit reversal cost",
 "how long after payday can I ask for a reversal",
 "employee got paid the right amount but we're in a dispute with her, can we reverse her deposit",
 "the bank refused to reverse the deposit, now what",
 "I printed a paycheck with a typo, never cashed, how do I cancel it",
 "we underpaid someone's overtime last week, how do I pay the rest",
 "a mistake affects last quarter's 941 that's already filed, what does ledgerly do",
 "who pays the IRS penalty if ledgerly made the error",
],
[
 ("Do I need to warn an employee before reversing their direct deposit?", "Yes, you must tell the employee first - some states require it by law."),
 ("What does a 941-X amendment cost through Ledgerly?", "Amended filings cost $75 each, and Ledgerly files them for you."),
 ("Does voiding a check fix the taxes?", "Yes, if the check is in the current quarter, voiding it reverses the taxes automatically."),
 ("Where is the reversal request button?", "On the pay run, under Actions > Request reversal - within 5 business days of payday."),
 ("Can I stop a direct deposit the day before payday?", "After the approval deadline payments can't be stopped; you'd need to request a reversal after payday."),
 ("Can I take back an overpayment from the next paycheck?", "Yes, with the employee's agreement - check your state's rules on deductions from wages."),
]);

A("year-end-uk", "Year-end checklist (UK payroll)", """
The UK tax year ends on **5 April**. Here's what you and Ledgerly need to do.

## Before 5 April

- [ ] Run **all pay runs** for the tax year, including any final bonuses.
- [ ] Check employee details: NI numbers, addresses and leaving dates.
- [ ] Make sure any **supplementary pay runs** for the year are finalised.

Ledgerly marks the FPS for your last pay run before 5 April as the **final submission for the year** automatically. If you pay no one in the last period, Ledgerly sends a final EPS instead.

## P60s

Every employee who is still employed on 5 April must get a P60 by **31 May**. Ledgerly publishes P60s to the employee portal **automatically by 20 April**. You can also download them as PDFs to print.

Employees who left during the year don't get a P60 - they received a P45 when they left.

## New tax year

From **6 April**, Ledgerly applies the new tax year's rates and thresholds automatically and uplifts tax codes as instructed by HMRC. You don't need to do anything. Your first pay run of the new year shows a banner confirming this.

## Benefits and expenses (P11D)

Ledgerly **doesn't produce or submit P11D forms**. If you provide taxable benefits (like company cars or private medical insurance) that aren't payrolled, submit P11Ds to HMRC by **6 July** using HMRC's online service or another tool. Payrolling benefits in Ledgerly avoids the need for a P11D for those benefits - set it up before the start of the tax year.

## Pension re-declaration

Year-end doesn't affect auto-enrolment, but it's a good time to check your re-enrolment date - see Workplace pensions and auto-enrolment (UK).

## Fixing mistakes after year-end

Use Payroll > Year-end > Previous year corrections - see Correcting a payroll mistake (UK).
""",
[
 "when is the uk payroll year end and what do I need to do in ledgerly",
 "do i need to tell ledgerly which FPS is the last one of the year",
 "when will my staff get their P60s",
 "an employee left in january, does she get a p60",
 "do I have to update tax thresholds for the new tax year myself",
 "can ledgerly submit our P11Ds for company cars",
 "what's the P11D deadline",
 "we didn't pay anybody in march, how does the final submission work",
 "can I print P60s to hand out",
 "how do I stop needing P11Ds for private medical insurance",
],
[
 ("What's the legal deadline for giving employees P60s?", "P60s must be given by 31 May; Ledgerly publishes them to the portal automatically by 20 April."),
 ("Does Ledgerly uplift tax codes in April?", "Yes, from 6 April it applies the new rates and uplifts tax codes as HMRC instructs - nothing for you to do."),
 ("Who gets a P60?", "Every employee still employed on 5 April; leavers got a P45 instead."),
 ("Do I need to do a special final pay run in March?", "No - Ledgerly marks your last FPS before 5 April as final automatically."),
 ("Can I payroll benefits in Ledgerly?", "Yes, payrolling benefits avoids P11Ds for them, but set it up before the tax year starts."),
 ("Is there a banner or something to confirm the new tax year rates are in?", "Yes, your first pay run of the new year shows a banner confirming it."),
]);

A("year-end-us", "Year-end checklist (US payroll)", """
Year-end for US payroll is about getting W-2s and 1099s right. Here's the timeline.

## Key dates

| Date | What |
|---|---|
| Early December | Review employee and contractor details (names, SSNs, addresses) |
| Last business day of December | Last day to run a pay run that counts in this tax year |
| **January 15** | Last day to make changes in Ledgerly before forms are filed |
| **January 31** | Ledgerly files W-2s with the SSA and 1099-NECs with the IRS, and employees and contractors can see their forms |

A pay run counts in the year in which its **payday** falls, not the period it covers.

## W-2s

Ledgerly files W-2s electronically and publishes them in the employee portal by **January 31**. Employees who've left keep portal access so they can download their W-2.

Want paper copies posted? We can mail W-2s for **$4 per employee** - choose this by January 15 in Payroll > Year-end.

## 1099-NEC for contractors

Ledgerly files a 1099-NEC for every contractor you paid **$600 or more** during the year through Ledgerly. Payments made outside Ledgerly can be added as **external payments** before January 15.

## Year-end adjustments

Add taxable fringe benefits (for example personal use of a company car or group-term life over $50,000) in a final pay run or an off-cycle run dated in December.

## Corrections after filing

If a W-2 is wrong after it's been filed, Ledgerly files a **W-2c** and sends it to the employee. W-2c corrections cost **$25 per form**. 1099 corrections are **free**.

## Annual forms

Ledgerly also files **Form 940** (federal unemployment) and annual state reconciliation forms for you. You'll see them in Payroll > Tax filings.
""",
[
 "what's the deadline to fix employee SSNs in ledgerly before W-2s go out",
 "when do employees get their w2",
 "our payroll period ends dec 31 but payday is jan 3, which year does it count for",
 "can ledgerly post paper w-2s to employees' homes, and how much",
 "do I need to do a 1099 for a freelancer I paid $450",
 "we paid a contractor by check outside ledgerly, will it be on the 1099",
 "wrong address on a w2 that's already been filed, how do I fix it and is there a fee",
 "is it free to correct a 1099",
 "how do I add the personal use of a company car for year end",
 "does ledgerly file the 940",
],
[
 ("Can former employees get their W-2 from the portal?", "Yes, employees who've left keep portal access to download their W-2."),
 ("What's the cutoff to request mailed W-2s?", "Choose mailing by January 15 in Payroll > Year-end; it's $4 per employee."),
 ("Does Ledgerly file 1099-NEC with the IRS?", "Yes, for every contractor paid $600 or more through Ledgerly, by January 31."),
 ("What is the last day for a payroll to count in this year?", "The last business day of December - a pay run counts in the year its payday falls."),
 ("How much is a W-2c?", "W-2c corrections are $25 per form; Ledgerly files it and sends it to the employee."),
 ("Does Ledgerly do state annual reconciliation?", "Yes, it files annual state reconciliation forms along with Form 940."),
]);
