A("add-employee", "Adding a new employee", """
Add new starters in **People > Add employee**. You can fill in everything yourself or invite the employee to complete their own details.

## What you need

**UK employees**
- Full name, address and date of birth
- National Insurance number (if they don't have one yet, leave it blank - don't use a made-up number)
- Start date, pay, and pay schedule
- Their **P45** from their previous job, or a **starter checklist** with statement A, B or C

**US employees**
- Full name, address, date of birth and SSN
- Start date, pay rate and pay schedule
- **Form W-4** and any state withholding form
- Form **I-9**: Ledgerly reminds you to complete it, but **doesn't store I-9s** - keep them yourself for as long as the law requires.

## Inviting the employee to self-service

Tick **Invite to employee portal** and enter their personal email. They'll get an invitation that's valid for **7 days** (you can resend it). In the portal they can:

- enter their bank details and tax forms,
- upload their P45 or fill in the starter checklist (UK) or W-4 (US),
- see payslips and request time off.

If bank details are entered by the employee, they must be confirmed by an admin before the first pay run - you'll see a task on your dashboard.

## Starting part-way through a pay period

Ledgerly pro-rates salary for the first period. Choose the method in Payroll > Settings > Pro-rata: **calendar days** (default) or **working days**.

## Adding employees in bulk

Import a CSV with up to **500 employees** at a time from People > Import. Download the template first - columns must match exactly.

## New hire reporting (US)

Ledgerly reports new hires to the state automatically within **20 days** of their start date, as required by federal law.

## Deadline for the next pay run

Add the employee before the pay run is approved. If they start after the current pay run has been approved, pay them in the next run or in a supplementary / off-cycle run.
""",
[
 "new starter doesn't have her NI number yet, what do I put in",
 "what do i need from a new hire in the US before paying them",
 "does ledgerly keep our i-9 forms",
 "how long does the employee portal invite link last",
 "can the new guy put in his own bank details",
 "an employee added their bank details in the portal but they aren't showing on the pay run",
 "someone started on the 18th of the month, how is their first month's salary worked out",
 "we're hiring 60 seasonal workers, is there a faster way than adding them one by one",
 "do I have to report new hires to the state myself",
 "new person started after I already approved this month's payroll",
 "what's statement A, B or C about",
],
[
 ("Can I add employees via spreadsheet?", "Yes, import a CSV of up to 500 employees from People > Import using the template."),
 ("Can I switch pro-rata to working days instead of calendar days?", "Yes, in Payroll > Settings > Pro-rata - calendar days is the default."),
 ("My new hire's invite expired, what now?", "Invitations last 7 days - you can resend it from their profile."),
 ("Can employees upload their P45 themselves?", "Yes, in the employee portal they can upload their P45 or fill in the starter checklist."),
 ("Within how many days does Ledgerly report new hires in the US?", "Ledgerly reports new hires to the state automatically within 20 days of their start date."),
 ("Should I make up an NI number if the starter doesn't have one?", "No - leave it blank rather than using a made-up number."),
]);

A("employee-leaving", "When an employee leaves", """
When someone leaves, record it in Ledgerly so their final pay and paperwork are right.

## 1. Record the leaving date

Open the employee in **People**, choose **Actions > Mark as leaver** and enter their last working day. Do this **before** you approve their final pay run.

## 2. Final pay

Ledgerly works out:

- salary up to the leaving date (pro-rated),
- **holiday pay owed** for untaken time off, using the balance in Time off (you can override it),
- any deductions for holiday taken in excess of what they'd earned (only if you tick **Recover excess holiday**).

Add any notice pay, bonus or commission yourself.

**US:** states set different deadlines for final paychecks - some require payment on the last day. Ledgerly shows a warning with the deadline for the employee's work state, but you're responsible for meeting it.

## 3. Leaver documents

- **UK**: once the final pay run is finalised, Ledgerly creates the **P45** and publishes it to the employee portal. You can also download it. If you've already finalised their last pay run without marking them as a leaver, mark them now - Ledgerly will send the leaving date to HMRC on the next FPS.
- **US**: there's no leaver form; the W-2 is issued at year-end as normal.

## Portal access after leaving

Leavers keep **read-only** access to the employee portal for **12 months** after their leaving date so they can download payslips and forms. After that, you can still download their documents for them.

## Paying someone after they've left

If you need to pay a leaver after their P45 has been issued (UK), add them to a pay run and Ledgerly will use tax code **0T** on a non-cumulative basis, as HMRC requires.

## Can I delete a leaver?

No. Anyone who has been paid must be kept for your records. Leavers are **archived** and don't count towards your payroll add-on in months they're not paid.

## Rehiring

To rehire someone, open their archived record and choose **Rehire**. They'll be treated as a new starter with a new employment record.
""",
[
 "one of my team handed in her notice, what do I do in ledgerly",
 "will the final payslip include her unused holiday",
 "someone used more holiday than they earned before leaving, can I take it back",
 "california employee fired today, when does his final pay have to be paid",
 "when is the P45 created",
 "I forgot to mark someone as a leaver and already sent their last payroll",
 "how long can ex staff still log in to see their payslips",
 "need to pay a bonus to someone who left last month and already has their P45",
 "can I delete an employee that left 3 years ago",
 "an old employee is coming back, do I create a new profile",
 "is payment in lieu of notice added automatically to a leaver's final pay",
],
[
 ("Does Ledgerly add notice pay automatically for leavers?", "No - salary and holiday pay are calculated, but add notice pay, bonus or commission yourself."),
 ("Where's the 'mark as leaver' option?", "Open the employee in People and choose Actions > Mark as leaver, before approving their final pay run."),
 ("Does a US leaver get a form when they leave?", "No leaver form in the US - their W-2 is issued at year-end as normal."),
 ("Can I override the holiday pay Ledgerly calculated for a leaver?", "Yes, it uses the Time off balance but you can override it."),
 ("Are leavers deleted after 12 months?", "No, paid employees are archived and kept; only their portal access ends after 12 months."),
 ("Which tax code is used if I pay someone after their P45?", "Ledgerly uses 0T on a non-cumulative basis, as HMRC requires."),
]);

A("time-off", "Time off and leave", """
Track holiday, sickness and other absence in **Time off** (available on **Growth and Scale**).

## Setting up leave policies

Go to **Settings > Time off > Policies**. For each policy choose:

- **Allowance**: a fixed number of days or hours per year, or **accrued** (earned each month or per hour worked - useful for hourly staff).
- **Leave year**: calendar year, tax year or a custom start date.
- **Carry over**: how much unused leave can move to next year. The default is **5 days**; set 0 to switch carry-over off. Carried-over leave can be set to expire after a number of months.
- **Paid or unpaid**: unpaid leave reduces pay automatically in the next pay run.

You can assign different policies to different employees, for example more holiday after 5 years' service.

## Public holidays

Choose a holiday calendar for each employee: **England and Wales, Scotland, Northern Ireland** or **US federal holidays**. You can add your own company days (like a Christmas shutdown). Public holidays can be given **on top of** the allowance or **included** in it.

## Requesting and approving

Employees request time off in the portal or mobile app, in **full days, half days or hours**. Their **manager** gets an email and approves or declines. If a manager hasn't responded in **5 days**, the request is sent to an admin as well.

Approved leave shows on the **team calendar**. You can stop requests from overlapping with set **blackout dates**.

## Sickness and parental leave

Sickness recorded in Time off flows to payroll, where statutory sick pay and statutory parental pay are calculated (UK). For US paid sick leave laws, set up a separate accrual policy.

## Changing a balance

Admins can adjust any balance in **People > employee > Time off > Adjust**, with a note. Changes are logged.
""",
[
 "how do I let my staff roll over unused holidays into next year",
 "our hourly staff should earn holiday based on hours worked, can ledgerly do that",
 "is time off tracking on the starter plan",
 "we're in scotland, can I use scottish bank holidays",
 "can employees book half a day off",
 "manager is on holiday and not approving requests, what happens",
 "how do I stop people booking leave in our busy december period",
 "unpaid leave - do I need to adjust pay manually",
 "I need to add 2 extra days to someone's holiday balance",
 "we close between christmas and new year, can I add that as company days",
 "can our leave year run from april instead of january",
],
[
 ("Can carried-over holiday expire?", "Yes, you can set carried-over leave to expire after a number of months."),
 ("Can senior staff have a bigger holiday allowance?", "Yes, assign different policies to different employees, e.g. more holiday after 5 years."),
 ("How do staff request holiday?", "In the employee portal or the mobile app, in full days, half days or hours; their manager approves."),
 ("Is the default carry over 5 days?", "Yes, the default is 5 days - set 0 to switch carry-over off."),
 ("Are bank holidays counted inside the allowance or extra?", "Your choice - public holidays can be given on top of the allowance or included in it."),
 ("Are balance changes tracked?", "Yes, admins adjust balances with a note and all changes are logged."),
]);

A("timesheets", "Time tracking and timesheets", """
Hourly employees can record their time in Ledgerly and send approved hours straight to payroll.

## Ways to track time

- **Mobile app**: tap Clock in / Clock out, and Start break / End break.
- **Web timesheet**: enter hours by day.
- **Kiosk mode**: run the Ledgerly app on a shared tablet; employees clock in with a **4-digit PIN**.

## Location

You can require employees to be within a **geofence** when clocking in on the mobile app. The smallest radius is **100 metres**. Location is captured only when clocking in and out, never in between. Location tracking can't be used in kiosk mode.

## Overtime rules

- **US**: federal overtime is calculated automatically for hours over **40 in a workweek** at 1.5x. **California** daily overtime (over 8 hours in a day at 1.5x, over 12 at 2x) is also supported. Set your workweek start day in Settings > Time tracking.
- **UK**: there's no statutory overtime rate; set your own rules (for example 1.5x after 37.5 hours a week).

## Approving timesheets

Managers approve timesheets weekly or per pay period. Only **approved** timesheets are imported into the pay run.

Timesheets are **locked** once the pay run that uses them is approved. To change a locked timesheet, an admin must **unlock** it, and the change goes into the next pay run as an adjustment.

## Missed clock-outs

If someone forgets to clock out, Ledgerly automatically clocks them out after **14 hours** and flags the timesheet for review.

## Plans

Time tracking is included on **Scale**, and available on Growth as an add-on at **$2 / £1.50 per tracked employee per month**.
""",
[
 "can my staff clock in on their phones",
 "we want one tablet at the front door for everyone to clock in",
 "can I make sure people are actually at the warehouse when they clock in",
 "does the app track my employees' location all day",
 "does ledgerly handle california overtime",
 "someone forgot to clock out last night, what happens",
 "I need to fix hours on a timesheet that was already paid",
 "do unapproved timesheets go into payroll",
 "is time tracking included in growth",
 "how do I change which day our work week starts for overtime",
],
[
 ("What's the minimum geofence size?", "The smallest geofence radius is 100 metres."),
 ("How do employees log in on kiosk mode?", "They clock in on the shared tablet with a 4-digit PIN."),
 ("Does Ledgerly calculate UK overtime automatically?", "There's no statutory UK overtime rate, so you set your own rules, e.g. 1.5x after 37.5 hours."),
 ("How much is time tracking on Growth?", "It's an add-on at $2 / £1.50 per tracked employee per month; it's included on Scale."),
 ("Can managers approve timesheets per pay period?", "Yes, weekly or per pay period - only approved timesheets are imported."),
 ("After how long does auto clock-out kick in?", "After 14 hours, and the timesheet is flagged for review."),
]);

A("pensions-uk", "Workplace pensions and auto-enrolment (UK)", """
UK employers must enrol eligible staff into a workplace pension. Ledgerly handles the assessment, contributions and letters.

## Assessment every pay run

Ledgerly assesses every employee each pay run based on age and earnings, and enrols **eligible jobholders** automatically. Employees who aren't eligible but ask to join can be added manually.

## Postponement

You can postpone enrolment for up to **3 months** from an employee's start date (or from when they first become eligible). Switch this on in Payroll > Settings > Pensions. Ledgerly sends the postponement notice for you.

## Contributions

The default is **5% employee and 3% employer** on qualifying earnings. You can choose to contribute more, or to use total pay instead of qualifying earnings. **Salary sacrifice** is supported - Ledgerly reduces gross pay and increases the employer contribution.

## Pension providers

Ledgerly connects directly to **four major UK pension providers** (listed in Settings > Pensions). For other providers, Ledgerly creates a **contributions file** (CSV) after each pay run for you to upload to the provider.

## Letters

Enrolment letters and other statutory notices are sent to the employee portal (and by email) automatically within **6 weeks** of enrolment, as required.

## Opting out

Employees opt out with the pension provider, not with Ledgerly. If they opt out within **1 month** of being enrolled, enter the opt-out in Ledgerly and any contributions taken are **refunded in the next pay run**. After 1 month, contributions stay in the pension.

## Re-enrolment and declaration

Every **3 years** you must re-enrol staff who opted out. Ledgerly reminds you of your re-enrolment date and does the assessment.

Ledgerly **doesn't submit your declaration of compliance** to The Pensions Regulator - you must do this yourself within 5 months of your staging or re-enrolment date.
""",
[
 "do I have to put all staff in a pension, does ledgerly do it",
 "can we delay pension enrolment for new starters on probation",
 "what percentage goes into the pension by default",
 "we use salary sacrifice for pensions, is that supported",
 "our pension provider isn't one of the ones you connect to",
 "employee wants to leave the pension, can I do it in ledgerly",
 "someone opted out 3 weeks after being enrolled, do they get their money back",
 "does ledgerly send the pension letters",
 "how often do we need to re-enrol people who opted out",
 "can ledgerly do our declaration of compliance",
],
[
 ("What's the max postponement for auto-enrolment?", "Up to 3 months from the start date or from when they first become eligible."),
 ("Can we pay pension contributions on total pay instead of qualifying earnings?", "Yes, you can choose total pay or contribute more than the defaults."),
 ("Does Ledgerly create a contributions file for my pension provider?", "Yes, for providers without a direct integration it creates a CSV after each pay run."),
 ("What happens to contributions if someone opts out after 2 months?", "After 1 month, contributions stay in the pension; only opt-outs within a month are refunded."),
 ("How long does Ledgerly take to send enrolment letters?", "They're sent automatically within 6 weeks of enrolment, to the portal and by email."),
 ("Where do I switch on postponement?", "In Payroll > Settings > Pensions."),
]);

A("contractors", "Paying contractors", """
Contractors (freelancers, self-employed people) aren't employees, so no tax is deducted when you pay them. You can still pay them and keep records in Ledgerly.

## Adding a contractor

Go to **People > Add contractor**. Choose **individual** or **business** and enter their payment details.

- **US**: ask the contractor to complete **Form W-9** in the portal. Ledgerly uses it for year-end 1099 filing (see Year-end checklist (US payroll)).
- **UK**: contractors are paid **gross** - no PAYE or NI. Ledgerly **doesn't support the Construction Industry Scheme (CIS)**; if you're in construction and need CIS deductions, you'll need another tool for those payments.

## Paying contractors

- Pay contractors in a regular pay run, or in a **contractor-only payment** at any time.
- US contractor payments by direct deposit follow the same approval deadlines as your pay runs.
- UK contractor payments can be included in your BACS file or sent by Ledgerly Direct Payments.

Each contractor paid in a month counts towards your **payroll add-on** charge.

## International contractors

Ledgerly can only pay contractors with a **bank account in the same country as your company** (UK or US). For contractors abroad, record payments you make elsewhere as **external payments** so your records are complete.

## Invoices from contractors

Contractors can upload their invoices in the portal, and you can approve them before paying. Approved invoices are added to your bills in accounting.

## Employee or contractor?

Getting employment status wrong can lead to tax penalties. Ledgerly can't decide status for you - use HMRC's CEST tool (UK) or IRS guidance (US).
""",
[
 "how do I pay a freelancer through ledgerly without taking tax off",
 "what form do I need from a US contractor",
 "we're a building firm, can ledgerly do CIS deductions",
 "can I pay a contractor in the middle of the month, not on payday",
 "I have a designer in portugal, can I pay her through ledgerly",
 "can I pay a US contractor by direct deposit and when do I need to approve it",
 "can contractors send us their invoices through ledgerly",
 "is this person a contractor or employee, can ledgerly tell me",
 "can I include contractor payments in our bacs file",
 "contractor is a limited company not a person, can I still add them",
],
[
 ("Do contractor payments in the US have different deadlines from payroll?", "No, US contractor direct deposits follow the same approval deadlines as your pay runs."),
 ("Where do I add a contractor in Ledgerly?", "People > Add contractor, choosing individual or business."),
 ("Are contractors taxed through Ledgerly in the UK?", "No, UK contractors are paid gross - no PAYE or NI."),
 ("Where do approved contractor invoices go?", "Approved invoices are added to your bills in accounting."),
 ("How do I record paying an overseas freelancer via Wise?", "Record it as an external payment so your records are complete - Ledgerly can only pay same-country bank accounts."),
 ("Can the contractor fill in their W-9 online?", "Yes, ask them to complete Form W-9 in the portal."),
]);

A("expenses", "Expense claims and mileage", """
Employees can claim back money they've spent on work, and you can approve and reimburse it in Ledgerly. Expenses are available on **Growth and Scale**.

## Submitting a claim

- **Mobile app**: take a photo of the receipt. Ledgerly reads the date, amount, supplier and tax automatically (you can edit them).
- **Web**: upload a receipt image or PDF (up to **10 MB**), or forward receipts by email to your company's unique receipts address.

Foreign currency receipts are converted using the exchange rate on the **receipt date**; employees can override the rate with their card statement rate.

## Mileage

Employees can claim mileage by entering start and end points or a distance. You set the rate in **Settings > Expenses > Mileage**:

- **UK** default: **45p per mile for the first 10,000 business miles** in the tax year, **25p** after that (cars and vans).
- **US**: there's no default; enter the rate your company reimburses.

## Approval

Set up approval chains of up to **3 levels** (for example manager, then finance). Approvers can approve, reject with a reason or send back for changes. Claims over a limit you set can require an extra approver.

## Reimbursing employees

- **Through payroll**: approved claims are added to the next pay run as a non-taxable reimbursement. Claims approved after the pay run has been approved go in the following run.
- **Separately**: export a bank payment file or mark claims as paid.

## Receipts and record-keeping

Receipts are stored for **7 years** and can't be deleted by employees once a claim is submitted. Paper receipts can be thrown away once captured, if your tax authority accepts digital copies.

## What Ledgerly doesn't do

Ledgerly doesn't issue company payment cards and doesn't support per diem (daily allowance) claims.
""",
[
 "how do staff claim back money they spent on a client lunch",
 "can I just email receipts in instead of uploading",
 "receipt was in euros, what exchange rate does it use",
 "what's the mileage rate in ledgerly for the uk",
 "I've done 12,000 business miles this year, what rate now",
 "can expenses need both manager and finance approval",
 "an expense was approved yesterday but payroll was already approved, when will I get paid back",
 "how long are receipt images kept",
 "can I delete an expense claim after I submitted it",
 "does ledgerly give employees company credit cards",
 "max file size for uploading receipts",
],
[
 ("Are expenses reimbursed through payroll taxed?", "No, approved claims are added to the next pay run as a non-taxable reimbursement."),
 ("Is there a default mileage rate for US companies?", "No default in the US - enter the rate your company reimburses in Settings > Expenses > Mileage."),
 ("Can approvers send a claim back for changes instead of rejecting it?", "Yes, approvers can approve, reject with a reason, or send back for changes."),
 ("Can I claim a daily allowance for a trip?", "Ledgerly doesn't support per diem claims - please submit the actual receipts."),
 ("Do I need to keep the paper receipt after uploading?", "Paper receipts can be thrown away once captured, if your tax authority accepts digital copies."),
 ("Is expenses on Starter?", "Expenses are available on Growth and Scale only."),
]);
