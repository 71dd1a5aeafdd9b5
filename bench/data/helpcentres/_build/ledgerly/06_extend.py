def _extend(aid, text, replace_q=None):
    for a in ARTS:
        if a["id"] == aid:
            a["body"] = a["body"].rstrip() + "\n\n" + text.strip() + "\n"
            for old, new in (replace_q or {}).items():
                a["q"][a["q"].index(old)] = new
            return
    raise KeyError(aid)

_extend("getting-started-payroll", """
## Common setup questions

**Can I practise before paying real people?** Yes. Create a **demo company** from the company switcher - it has sample employees and lets you run pay runs that are never sent to a tax authority or bank. Demo companies are deleted after 30 days.

**We have more than one PAYE scheme (UK) or EIN (US).** Each Ledgerly company supports **one** PAYE scheme or EIN. Create a separate company for each; they can share users and you can switch between them.

**Can we pay directors only?** Yes. In the UK, mark them as directors on their employee record so National Insurance is calculated on the annual (or alternative) method - see Running payroll (UK).

**What if we have employees in both the UK and the US?** Ledgerly can't run UK and US payroll in the same company. Create one company for each country.

**Do I need to tell HMRC or the IRS I've changed provider?** No. In the UK, your first FPS from Ledgerly continues the same PAYE scheme. In the US, Form 8655 lets us file on your behalf; you should still keep your previous provider's filings for the quarters they filed.

## Setup checklist at a glance

| Task | Where | Done when |
|---|---|---|
| Company and tax IDs | Payroll > Settings > Company | Green tick shown |
| Pay schedule | Payroll > Settings > Pay schedules | First payday set |
| Employees | People | No missing details warnings |
| YTD figures | People > employee > Year to date | Entered for everyone paid this year |
| Bank account | Payroll > Settings > Bank | Verified |
| Approvers | Payroll > Settings > Approvals | At least one approver |
""", {"how many days before the first payday should we start setting up payroll in the US": "we have staff in London and in Boston, can I run both payrolls in one ledgerly company",
      "what do I need before I set up payroll in ledgerly for my uk company": "is there a way to practise running payroll without paying anyone for real"})

_extend("pay-run-uk", """
## Directors

Mark company directors in their employee record (**Employment > Director**). Directors' National Insurance is normally worked out on an **annual** basis. If you'd rather spread it evenly through the year, choose the **alternative method** - Ledgerly then calculates NI each period like a normal employee and corrects it in the last pay run of the tax year.

## Student and postgraduate loans

Ledgerly deducts student loan repayments for **plan 1, plan 2, plan 4** and **postgraduate loans** based on the start notices from HMRC or the starter checklist. Stop notices are applied automatically from the next pay run.

## Holiday pay for irregular-hours workers

For workers with irregular hours or part-year workers, you can pay **rolled-up holiday pay** at **12.07%** of pay for the period, shown as a separate line on the payslip. Switch it on per employee under **Pay > Holiday pay method**.

## Common pay run warnings

| Warning | What it means | What to do |
|---|---|---|
| Emergency tax code | No P45 or starter checklist | Ask for one, or wait for HMRC's code |
| Below National Minimum Wage | Hourly rate under the legal minimum for their age | Check the rate and hours |
| Missing NI number | Employee hasn't given one | Leave blank; never invent one |
| Negative net pay | Deductions are more than pay | Reduce deductions this period |
""", {"an employee is off sick, does ledgerly calculate SSP": "how is national insurance worked out for our directors, can it be spread evenly",
      "what time do employees see their payslips": "can I pay holiday pay as a percentage on top of wages for our casual workers"})

_extend("pay-run-us", """
## Employees in more than one state

If an employee lives in one state and works in another, add both on their record. Ledgerly applies **reciprocal agreements** between states automatically (for example, an employee living in Pennsylvania and working in New Jersey pays only PA income tax), as long as the employee has filed the right exemption form with you.

## State unemployment rates

Each state sends you an unemployment insurance (SUI) rate notice, usually once a year. Ledgerly **doesn't look up your SUI rate** - enter it in Payroll > Settings > State taxes. If you leave it blank, we use the state's new-employer rate, which may be wrong for your company.

## Reimbursements

Non-taxable reimbursements (for example approved expenses) can be added to any pay run. They're paid with net pay but aren't included in taxable wages.

## Pay stubs

Pay stubs are published to the employee portal on payday and show gross pay, each tax, deductions and year-to-date totals. Employees can download them as PDF.

## Common pay run warnings

| Warning | What it means |
|---|---|
| Missing W-4 | Federal withholding uses single filer with no adjustments |
| Below minimum wage | Hourly rate is under the federal or state minimum |
| Unregistered state | You have an employee in a state where your tax IDs aren't entered |
| Overtime not calculated | Hourly employee has over 40 hours but no overtime rate |
""", {"does ledgerly file our 941s": "employee lives in PA and works at our NJ office, which state tax applies",
      "how do tips work in payroll for a restaurant": "we got our new state unemployment rate letter, where do I put it"})

_extend("billing-faq-subscription", """
## Changing the card we charge

Only the **Owner** can change the payment method, in **Settings > Billing > Payment method**. The new card is used for the next charge; if a payment has failed, adding a new card retries the outstanding balance straight away.

## Extra billing contacts

Add up to **3 extra email addresses** to receive subscription invoices and payment failure emails (for example your finance team).

## US sales tax on subscriptions

US customers may be charged sales tax on their subscription, depending on the state in your **billing address**. Sales tax is shown separately on each invoice.

## More than one company

Each Ledgerly company has its **own subscription**. We don't offer multi-company discounts, except through the Partner Program for accounting firms.

## Extending a free trial

If you need more time to evaluate, ask support for a one-off **14-day trial extension** before your trial ends.
""", {"how many users do i get on starter": "can I get a bit longer on the free trial, it ends tomorrow",
      "is annual billing any cheaper": "I run two separate companies in ledgerly, is there a discount for the second one"})

_extend("billing-faq-subscription", """
## Understanding your subscription invoice

| Line | What it's for | Billed |
|---|---|---|
| Plan | Starter, Growth or Scale | In advance, for the coming month or year |
| Payroll add-on | Employees and contractors paid last month | In arrears |
| Time tracking add-on | Tracked employees last month (Growth) | In arrears |
| Pro-rata adjustment | Upgrades part-way through a period | On the next invoice |
| Tax | VAT (UK) or sales tax (US) | With each invoice |

## Why was I charged for payroll this month?

The payroll add-on counts everyone paid at least once in the previous calendar month - including people paid only in a **supplementary or off-cycle run**, leavers receiving a final payment and contractors. An employee paid several times in a month counts **once**. People who weren't paid (for example on unpaid leave all month) aren't charged.

## Paying in a different currency

We can't charge you in a currency other than your billing currency. If your card is in another currency, your card provider converts the charge and may add a fee.
""")

_extend("pay-run-us", """
## Exempt and non-exempt employees

Mark each employee as **exempt** or **non-exempt** under the FLSA on their employment record. Ledgerly only calculates overtime for non-exempt employees. Salaried non-exempt employees can have overtime added on top of their salary.

## Your payroll calendar

Payroll > Calendar shows every upcoming payday with its **approval deadline**, tax payment dates and quarterly filing dates. You can subscribe to it from Google Calendar or Outlook so deadlines appear alongside your other events.
""")

_extend("users-roles", """
## What each role can do in more detail

| Task | Owner | Admin | Accountant | Payroll manager | Bookkeeper | Read-only |
|---|---|---|---|---|---|---|
| Create and send invoices | Yes | Yes | Yes | No | Yes | No |
| Approve pay runs | Yes | Yes | No | Yes | No | No |
| Connect bank feeds | Yes | Yes | Yes | No | No | No |
| Submit VAT returns | Yes | Yes | Yes | No | No | No |
| Approve expenses | Yes | Yes | No | Yes | No | No |
| Invite users | Yes | Yes | No | No | No | No |
| Change plan or payment method | Yes | No | No | No | No | No |

## Custom roles

Custom roles with hand-picked permissions are available on **Scale**. Start from an existing role, switch permissions on or off, and give the role a name (for example "Sales invoicing only").
""", {"I want my bookkeeper to do invoices but not see anyone's salary": "can I make a custom role that can only send invoices and nothing else"})
