A("bank-feeds", "Connecting your bank account", """
Bank feeds bring your bank transactions into Ledgerly automatically, so you can reconcile them without typing.

## Connecting a bank feed

1. Go to **Banking > Add bank account** and search for your bank.
2. You're sent to your bank's website or app to log in and give consent.
3. Choose the accounts to connect (current accounts, savings and **business credit cards** are supported).
4. Choose a **start date** for the feed.

## How much history is imported?

When you first connect, Ledgerly imports up to **12 months** of past transactions, from the start date you chose. If you need older transactions, upload a bank statement file (see below).

## How often does the feed update?

Feeds update **3 times a day** for most banks. You can also click **Refresh** on the bank account (up to 4 times per hour).

## Consent renewal (UK)

Under Open Banking rules, your consent must be renewed every **90 days**. We'll email you **7 days** before it expires, and show a banner. Renewing takes about a minute - you'll log in to your bank again. If consent expires, the feed stops but nothing is lost; transactions are caught up when you reconnect.

US bank connections don't expire on a fixed schedule but may need re-authenticating if you change your online banking password.

## Banks we can't connect to

If your bank isn't listed, import statements instead: **CSV, OFX or QIF** files, up to **1,000 transactions per file**. You can also set up a bank feed by **forwarding statements** from some banks - see the list in Banking.

## Who can connect feeds?

Only users with the **Owner**, **Admin** or **Accountant** role can add or reconnect bank feeds.
""",
[
 "how do I link my business bank account to ledgerly",
 "can I connect my company amex card",
 "how far back will transactions come in when I connect my bank",
 "I need transactions from 2 years ago in ledgerly",
 "how often does the bank feed refresh",
 "why do I have to log into my bank again every few months",
 "my bank isn't in the list, what can I do",
 "what file types can I upload for bank statements",
 "can I connect two accounts from the same bank at once",
 "our bookkeeper can't see the option to connect the bank",
 "changed my online banking password and now the feed stopped, US bank",
],
[
 ("How many times can I manually refresh a feed?", "You can click Refresh up to 4 times per hour; feeds also update 3 times a day."),
 ("Will I get a warning before my bank consent expires?", "Yes, we email you 7 days before and show a banner in Ledgerly."),
 ("What's the max number of transactions in a statement upload?", "Up to 1,000 transactions per CSV, OFX or QIF file."),
 ("Do I lose transactions if my bank consent lapses?", "No, the feed stops but transactions are caught up when you reconnect."),
 ("Can I choose the date the bank feed starts from?", "Yes, you choose a start date when connecting; up to 12 months of history is imported."),
 ("Can savings accounts be connected as well?", "Yes - current accounts, savings accounts and business credit cards are supported."),
]);

A("bank-feed-troubleshooting", "Bank feed not updating", """
If transactions are missing or your feed has stopped, work through these checks.

## 1. Is the connection still active?

Look at **Banking**. A red **Reconnect** label means your bank consent has expired or your bank has asked you to log in again. Click **Reconnect** and log in to your bank.

> **Important:** always use **Reconnect** on the existing account. Don't add the bank as a new account in Ledgerly - that creates a second account and duplicate transactions.

## 2. Is there a problem at your bank?

Check the **Bank status** page in Banking. If your bank has a known issue, you'll see it there with the date it started. Transactions missed during an outage are usually imported automatically once it's fixed, within **3 business days**.

## 3. Are the missing transactions pending?

Pending transactions (like card payments that haven't cleared) aren't imported until they clear, usually in **1 to 3 days**.

## 4. Are they before the feed start date?

Transactions dated before your feed's start date aren't imported. Upload a statement file to add them.

## Duplicate transactions

Duplicates usually happen when an account was connected twice or a statement was uploaded for dates the feed already covers.

- Select the duplicates in **Banking > Transactions** and choose **Delete**. Only **unreconciled** transactions can be deleted.
- If duplicates are already reconciled, **unreconcile** them first.

## Wrong balance

If the balance in Ledgerly doesn't match your bank, check for deleted or duplicate transactions and compare the **statement balance** (from the feed) with the **Ledgerly balance** (from reconciled transactions) in the account view.

## Still stuck?

Contact support with the bank name, the account, and the date of the last transaction you can see. **Don't send your online banking login details** - we'll never ask for them.
""",
[
 "my bank transactions stopped coming in last week",
 "there's a red reconnect button on my bank account",
 "I re-added my bank account and now everything shows twice",
 "how do I remove duplicate bank lines that were already reconciled",
 "are there known problems with a bank's feed right now",
 "my bank had an outage, will the missing days come in by themselves",
 "some card transactions from monday still aren't showing",
 "the balance in ledgerly doesn't match my bank statement",
 "support asked what info they need for my broken feed, do I send my bank password",
 "transactions from before I connected aren't showing",
],
[
 ("Can I delete a duplicate transaction I already reconciled?", "Only unreconciled transactions can be deleted - unreconcile it first, then delete."),
 ("How long after a bank outage do transactions appear?", "Missed transactions are usually imported automatically within 3 business days of the fix."),
 ("Should I add my bank again if the feed broke?", "No - use Reconnect on the existing account, otherwise you'll get a second account and duplicates."),
 ("Why do I see duplicates after uploading a statement?", "Uploading a statement for dates the feed already covers creates duplicates - delete the unreconciled copies."),
 ("What's the statement balance vs Ledgerly balance?", "The statement balance comes from the feed; the Ledgerly balance is from reconciled transactions - compare them in the account view."),
 ("What should I include when I contact support about a feed?", "The bank name, the account and the date of the last transaction you can see - never your banking login."),
]);

A("reconciliation", "Reconciling bank transactions", """
Reconciling means matching each bank transaction with what's recorded in Ledgerly, so your books match your bank.

## Match suggestions

Open **Banking > Reconcile**. For each bank transaction Ledgerly suggests a match:

- an **invoice** or **bill** with the same amount,
- an existing **transaction** you've entered,
- a **transfer** between two of your bank accounts.

Click **OK** to accept. If there's no suggestion, use **Find & match** to search, or **Create** to record a new transaction.

## Matching several items

One payment can cover several invoices. In **Find & match**, tick all the invoices the payment covers - the totals must balance. For **partial payments**, change the amount on the invoice line; the rest stays outstanding.

## Bank rules

Bank rules create transactions automatically for regular items (for example your monthly software subscriptions). Set conditions (description contains, amount equals) and what to create.

| Plan | Bank rules |
|---|---|
| Starter | 10 |
| Growth | 200 |
| Scale | Unlimited |

## Fixing mistakes

- **Unreconcile** a transaction from the account's transaction list (Options > Unreconcile). The transaction stays but goes back to the reconcile list.
- **Undo a whole reconciliation session** isn't possible - unreconcile items one by one.

## Lock dates

To stop changes to past periods (for example after filing a VAT return or year-end accounts), set a **lock date** in Settings > Accounting. Only Owners and Admins can change transactions before the lock date.

## Reconciliation report

Run **Reports > Bank reconciliation** for any date to show the Ledgerly balance, the statement balance and any unreconciled items.
""",
[
 "one customer payment covers 3 invoices, how do I match it",
 "client only paid half the invoice, how do I reconcile that",
 "the transfer between my savings and current account shows as two transactions",
 "how many bank rules can I have on growth",
 "I want our monthly software subscription to be categorised automatically",
 "I matched the wrong invoice to a payment, how do I undo it",
 "can i undo a whole reconciliation session from yesterday",
 "how do I stop anyone editing last year after the accounts are filed",
 "I need a report showing unreconciled items at the end of march",
 "there's no suggested match for a bank line, what do I do",
],
[
 ("Does unreconciling delete the transaction?", "No - the transaction stays and goes back to the reconcile list."),
 ("Who can edit transactions before the lock date?", "Only Owners and Admins."),
 ("How many bank rules on Starter?", "Starter allows 10 bank rules; Growth 200 and Scale unlimited."),
 ("Where is the bank reconciliation report?", "Reports > Bank reconciliation, for any date."),
 ("Can I search for a match if Ledgerly doesn't suggest one?", "Yes, use Find & match to search, or Create to record a new transaction."),
 ("What conditions can bank rules use?", "Conditions like description contains or amount equals, and you choose what to create."),
]);

A("import-data", "Importing data from another system", """
Moving to Ledgerly from another accounting tool or spreadsheets? You can import most of your data.

## What you can import

| Data | Format | Notes |
|---|---|---|
| Contacts (customers and suppliers) | CSV | Up to 10,000 rows per file |
| Products and services | CSV | Up to 10,000 rows per file |
| Chart of accounts | CSV | Before importing balances |
| Opening balances | CSV or manual | As at your conversion date |
| Open invoices and bills | CSV | Only unpaid ones - for aged debtors and creditors |
| Bank transactions | Statement files | See Connecting your bank account |
| Employees | CSV | See Adding a new employee |

Files must be **5 MB or smaller** and saved as **UTF-8**. Download our template for each type from **Settings > Import** - column names must match.

## Choosing a conversion date

Your conversion date is the day you start using Ledgerly as your main system. We recommend the **first day of a VAT quarter** (UK) or **financial quarter** so your VAT and reports are simple. Enter opening balances from your old system's **trial balance** at the day before the conversion date.

## Historical transactions

Ledgerly **doesn't import full transaction history** (every past invoice and journal) from other systems. Keep your old system or export its reports for your records. If you need past figures for comparison reports, enter **monthly journals** for the previous year.

## Assisted migration

**Scale** customers on **annual** billing get free assisted migration: our team imports your contacts, chart of accounts, opening balances and open items for you. It takes about **5 business days** after you send the files. Everyone else can book a paid migration for **$199 / £159**.

## Checking your import

After importing, compare your **trial balance** and **aged receivables/payables** reports with your old system.
""",
[
 "switching from another accounting software, what can I bring over",
 "my contacts spreadsheet has 14,000 rows and won't import",
 "import says file too big, it's 8MB",
 "the import fails with weird characters in customer names",
 "what date should I pick to start using ledgerly as my main books",
 "can I import all my old invoices from the past 5 years",
 "do you help with moving data for us, we're on scale annual",
 "how much does it cost to get your team to migrate our data, we're on growth",
 "which unpaid invoices should I import",
 "how do I check the import worked correctly",
 "where do I find the import templates",
],
[
 ("Do I need to import the chart of accounts before balances?", "Yes, import the chart of accounts before opening balances."),
 ("How long does assisted migration take?", "About 5 business days after you send the files."),
 ("Can I get last year's figures for comparison reports?", "Enter monthly journals for the previous year - full transaction history isn't imported."),
 ("What opening balance date should I use?", "Take them from your old system's trial balance at the day before your conversion date."),
 ("Can I import my products list?", "Yes, products and services can be imported by CSV, up to 10,000 rows per file."),
 ("What encoding should my CSV be?", "Files must be UTF-8 and 5 MB or smaller."),
]);

A("users-roles", "Users, roles and permissions", """
Invite your team and accountant, and control what each person can see.

## Roles

| Role | Can do | Sees salaries |
|---|---|---|
| **Owner** | Everything, including billing and closing the company | Yes |
| **Admin** | Everything except billing and transferring ownership | Yes |
| **Accountant** | Accounting, banking, VAT, reports, lock dates | No (unless also Payroll manager) |
| **Payroll manager** | Payroll, employees, time off, expenses approval | Yes |
| **Bookkeeper** | Invoices, bills, banking, reconciliation | No |
| **Read-only** | View reports and transactions | No |
| **Employee** | Their own payslips, time off, expenses | Only their own |

A user can have **more than one role** (for example Accountant + Payroll manager).

## User limits

| Plan | Users |
|---|---|
| Starter | 2 |
| Growth | 10 |
| Scale | Unlimited |

**Employees** using the self-service portal **don't count** towards the limit. Staff from your **partner accounting firm** connected through the Partner Program also don't count. Everyone else does, including Read-only users.

## Inviting users

Go to **Settings > Users > Invite**. The invitation is valid for **14 days**. You can't invite someone whose email is already used by a user in the same company.

## Removing users

Remove a user in Settings > Users. Their access ends immediately. Anything they created stays, with their name in the audit log.

## Transferring ownership

There's one Owner per company. To transfer ownership:

1. The new owner must already be a user with the **Admin** role.
2. The current Owner goes to **Settings > Users > Transfer ownership**.
3. The new owner accepts by email; the change is immediate. The old owner becomes an Admin.

If the Owner has left and can't be contacted, ask support for an **ownership recovery**. We'll need proof that the requester is a director or officer of the business; it takes about **5 business days**.

## Audit log

Scale plans include an **audit log** of who changed what, kept for **2 years**. Other plans keep **90 days** of history.
""",
[
 "how many people can I add on the growth plan",
 "do my employees count towards the user limit",
 "I want my bookkeeper to do invoices but not see anyone's salary",
 "can someone be both accountant and payroll manager",
 "the owner of the account left the business and won't reply, how do we get control",
 "how do I hand over ownership of our ledgerly to my business partner",
 "does the outside accountant from our partner firm use up a seat",
 "the invite I sent 3 weeks ago doesn't work anymore",
 "I removed an ex-employee as a user, will their invoices disappear",
 "how far back can I see who changed what",
 "can a payroll manager approve expense claims",
],
[
 ("Do read-only users count toward our user limit?", "Yes, read-only users count; only portal employees and partner-firm staff don't."),
 ("Does the new owner need to be an admin first?", "Yes, the new owner must already have the Admin role before you transfer ownership."),
 ("How long does ownership recovery take?", "About 5 business days, with proof the requester is a director or officer."),
 ("What happens to the old owner after a transfer?", "The old owner becomes an Admin."),
 ("Can a Bookkeeper reconcile bank transactions?", "Yes, Bookkeepers can work with invoices, bills, banking and reconciliation."),
 ("How long is the audit log on Growth?", "Plans other than Scale keep 90 days of history; Scale keeps 2 years."),
]);

A("two-factor", "Two-factor authentication and login problems", """
## Two-factor authentication (2FA)

2FA adds a code from your phone when you log in.

- 2FA is **required** for anyone with the Owner, Admin or Payroll manager role. Other users can choose to switch it on.
- Supported methods: an **authenticator app**, a **security key**, or **SMS**. SMS can't be used by people with payroll access - they must use an authenticator app or a security key.

Set it up in **Profile > Security > Two-factor**.

### Recovery codes

When you set up 2FA you get **10 recovery codes**. Each can be used once instead of a 2FA code. Store them somewhere safe. You can create a new set at any time (the old ones stop working).

## Lost your phone?

1. Log in with your password and use a **recovery code**.
2. Go to Profile > Security and set up 2FA on your new phone.

No recovery codes? Another **Owner or Admin** in your company can **reset your 2FA** in Settings > Users. If you're the only Owner/Admin, contact support: we'll verify your identity with **photo ID** and a **video call**, which takes up to **2 business days**.

## Forgotten password

Click **Forgot password** on the login page. The reset link is valid for **1 hour**. Resetting your password doesn't turn off 2FA.

## Locked out after failed attempts

After **5 wrong passwords**, your account is locked for **30 minutes**. Wait, or reset your password.

## Single sign-on

On **Scale**, you can require users to log in with your company's **Google Workspace or Microsoft** account. Employees using the portal can keep using email and password.

## Suspicious activity

We email you about logins from a new device or country. If you don't recognise one, reset your password and contact us.
""",
[
 "why is ledgerly forcing me to set up 2fa, I'm the payroll manager",
 "can I use text messages for two factor, I do payroll",
 "new phone and my authenticator app codes are gone",
 "I lost my recovery codes, can I make new ones",
 "I'm the only admin and lost my 2fa device and backup codes",
 "another admin lost their phone, can I reset their two factor",
 "password reset email link says expired",
 "it says my account is locked, how long for",
 "can we make staff log in with their microsoft work accounts",
 "got an email about a login from a new country that wasn't me",
 "how many backup codes do I get",
],
[
 ("Does resetting my password turn off 2FA?", "No, resetting your password doesn't turn off 2FA."),
 ("Can I use a hardware key for Ledgerly 2FA?", "Yes, security keys are supported, as are authenticator apps (and SMS for non-payroll users)."),
 ("Is 2FA optional for bookkeepers?", "Yes - it's required only for Owner, Admin and Payroll manager roles; others can choose."),
 ("Do old recovery codes still work after generating new ones?", "No, creating a new set stops the old codes working."),
 ("How does support verify me if I'm locked out of 2FA as the sole owner?", "We verify you with photo ID and a video call, which takes up to 2 business days."),
 ("Do employees on the portal have to use SSO too?", "No, portal employees can keep using email and password."),
]);

A("change-plan", "Changing your plan", """
You can move between Starter, Growth and Scale at any time in **Settings > Billing > Change plan**. Only the **Owner** can change plans.

## Upgrading

Upgrades take effect **immediately**. You'll be charged a **pro-rated** amount for the rest of your current billing period, and your next bill is at the new price.

## Downgrading

Downgrades take effect at the **end of your current billing period** - you keep your current features until then. There's no refund for the rest of the current period.

Before you can downgrade, you must be within the new plan's limits:

- the number of **users**,
- the number of **active recurring invoices**,
- the number of **bank rules**.

Ledgerly shows what you need to change first.

### What you lose when moving to Starter

- Time off and Expenses are switched off. Existing data is kept and becomes visible again if you upgrade.
- Multi-currency: existing foreign currency invoices stay, but you can't create new ones.
- MTD VAT submission.

## Monthly to annual

Switching from monthly to annual takes effect **immediately**, and you get a credit for the unused part of the month. Annual to monthly takes effect at your **annual renewal date**.

## Add-ons

Payroll and time tracking are add-ons. Switch them off in Settings > Billing > Add-ons; payroll can't be switched off while you have pay runs in draft or unfiled tax filings.
""",
[
 "how do I upgrade from starter to growth and when do I get the new features",
 "will I pay the full price straight away if I upgrade halfway through the month",
 "if I downgrade today do I lose features straight away",
 "trying to drop to starter but it says I'm over a limit, what do I need to fix",
 "what happens to our time off records if we go down to starter",
 "can I still see my old euro invoices after downgrading",
 "moving from monthly to yearly billing, when does it kick in",
 "we're on annual and want to go monthly",
 "i'm an admin but can't see the change plan button",
 "how do I turn off the payroll add-on, we don't have staff anymore",
 "do I get money back for the rest of the month when downgrading",
],
[
 ("Ledgerly won't let me downgrade, it says I'm over the limits?", "You need to be within the new plan's limits on users, active recurring invoices and bank rules first - Ledgerly shows what to change."),
 ("Do I keep Scale features until the end of the billing period after downgrading?", "Yes, downgrades take effect at the end of the current billing period."),
 ("Is MTD VAT filing available on Starter?", "No, moving to Starter removes MTD VAT submission."),
 ("Why can't I switch payroll off?", "Payroll can't be switched off while you have draft pay runs or unfiled tax filings."),
 ("Do I get credit when moving to annual mid-month?", "Yes, monthly to annual is immediate and you get credit for the unused part of the month."),
 ("Does downgrading delete my expenses data?", "No - Expenses and Time off are switched off on Starter but the data is kept and comes back if you upgrade."),
]);

A("cancel-subscription", "Cancelling your subscription", """
We're sorry to see you go. Here's what happens when you cancel.

## How to cancel

Only the **Owner** can cancel. Go to **Settings > Billing > Cancel subscription** and follow the steps. If your subscription is paid by an accounting partner, ask them to cancel it.

## Before you cancel: payroll

If you use payroll, you must finish your payroll obligations first. Ledgerly won't let you cancel while you have:

- pay runs in draft or approved but not paid,
- **UK**: no final FPS for the tax year (mark your last pay run as final, or send a final EPS),
- **US**: tax filings still due for the current quarter.

## When does cancellation take effect?

Your subscription runs to the **end of your current billing period**. After that, the company becomes **read-only for 90 days**: you can log in, view and export everything, but you can't create or edit anything.

During those 90 days you can **reactivate** at any time, and all your data is still there.

## After 90 days

Your company data is **permanently deleted within 30 days** after the read-only period ends. Payroll records are kept for longer where the law requires us to (for example, filings we made on your behalf), but you won't be able to access them in Ledgerly.

## Refunds

See the Billing FAQ for refunds on annual plans.

## Can I pause instead?

We don't offer pausing. If you're not using Ledgerly for a while, you can downgrade to Starter to reduce your costs.

## Deleting your personal login

Cancelling a company doesn't delete your Ledgerly login, because you may be a user in other companies. To delete your login, go to Profile > Delete my account.
""",
[
 "how do I cancel ledgerly",
 "can't cancel because of something about payroll",
 "we're closing our US business mid quarter, can I cancel now",
 "if I cancel today, when do I lose access",
 "what can I still do in ledgerly after cancelling",
 "I cancelled 2 months ago, can I come back and still have everything",
 "when is our data deleted after cancelling",
 "our accountant pays for our ledgerly, how do we cancel",
 "can I pause my subscription over the winter",
 "cancelled the company but I still have a login, how do I remove it",
],
[
 ("Who can cancel the subscription?", "Only the Owner, from Settings > Billing > Cancel subscription."),
 ("Can I reactivate after cancelling?", "Yes, at any time during the 90-day read-only period, with all your data."),
 ("Do you keep payroll records after deleting our company?", "Some payroll records are kept where the law requires, but you won't be able to access them in Ledgerly."),
 ("Is there a cheaper option than cancelling if we're quiet for a few months?", "We don't offer pausing, but you can downgrade to Starter to reduce costs."),
 ("Does cancelling end my subscription immediately?", "No, it runs to the end of your current billing period, then the company is read-only for 90 days."),
 ("UK payroll - what do I need to submit before cancelling?", "A final FPS for the tax year (mark your last pay run as final) or a final EPS."),
]);

A("data-export", "Exporting your data", """
Your data belongs to you. You can export it at any time - including after you cancel, while your company is read-only (see Cancelling your subscription).

## Quick exports

Most lists have an **Export** button:

- contacts, products, invoices, bills and bank transactions as **CSV**,
- individual invoices and payslips as **PDF**,
- reports (profit and loss, balance sheet, trial balance, general ledger, aged receivables) as **PDF, Excel or CSV**.

## Full company archive

To get everything in one go, go to **Settings > Export > Full archive**. We'll create a **ZIP file** containing:

- all lists as CSV,
- all invoices, credit notes and bills as PDF,
- your general ledger for **every year** in Ledgerly,
- attachments (receipts, documents) in their original format,
- payroll records: payslips, P60s/P45s (UK) or W-2s (US), and pay run summaries.

Archives are usually ready within **24 hours**; we'll email the Owner a link. The link works for **7 days**. Only the **Owner** or an **Admin** can request a full archive, and you can request **one per day**.

## Keeping records

It's your responsibility to keep records for as long as the law requires: in the UK, **payroll records for 3 years** and **company accounting records for 6 years**; in the US, employment tax records for **at least 4 years**. Export a full archive before you cancel.

## Exporting to another accounting system

Ledgerly doesn't have direct migration tools to other products, but most accounting software can import our CSV files and trial balance.
""",
[
 "how do I get a copy of all my data out of ledgerly",
 "how long does a full export take",
 "the download link for my archive doesn't work anymore, I got it last week",
 "can my bookkeeper request the full company export",
 "I requested an archive this morning, can I request another one now",
 "does the full archive include receipt attachments",
 "how long do I need to keep payroll records in the uk",
 "can I export the general ledger to excel",
 "I'm moving to another accounting product, can ledgerly transfer my data straight to it",
 "does the full archive have the general ledger for every year or only this year",
 "are payslips included in the export",
],
[
 ("What format are receipts in the archive?", "Attachments like receipts are included in their original format."),
 ("Who gets the email with the archive link?", "The Owner is emailed a link when the archive is ready, usually within 24 hours."),
 ("How long must US companies keep employment tax records?", "At least 4 years."),
 ("Can I export a single payslip as PDF?", "Yes, individual invoices and payslips export as PDF."),
 ("Does the archive include all years or just the current one?", "The general ledger is included for every year in Ledgerly."),
 ("What formats can reports be exported in?", "Reports export as PDF, Excel or CSV."),
]);

A("mobile-app", "The Ledgerly mobile app", """
The Ledgerly app is free for iPhone and Android. It's one app for business owners, managers and employees - what you see depends on your role.

## Requirements

- iPhone: **iOS 16** or later.
- Android: **Android 11** or later.

## What you can do

| Task | Owners and admins | Managers | Employees |
|---|---|---|---|
| Create and send invoices | Yes | - | - |
| Capture receipts | Yes | Yes | Yes |
| Approve expenses and time off | Yes | Yes | - |
| Clock in and out | - | Yes | Yes |
| View payslips | Own | Own | Own |
| Approve a pay run | Yes (Payroll approvers) | - | - |
| Edit a pay run or run reports | No - use the web | - | - |

You **can't edit or create pay runs** in the app; approvers can review the summary and approve.

## Offline use

Receipts captured offline are stored on the phone and **upload automatically** when you're back online. Other features need a connection.

## Security

Log in with **Face ID / Touch ID** or fingerprint after your first login. Payroll approvers must still confirm a 2FA code when approving a pay run in the app.

## Multiple companies

If you're a user in more than one company, switch between them from the **profile menu**.

## Notifications

Choose notifications in the app's settings: invoice paid, expense submitted, time off requested, pay run ready to approve.
""",
[
 "is there a ledgerly app for my android phone, it's on android 10",
 "can I run payroll from my phone",
 "can I approve payroll on the app while travelling",
 "can my employees see payslips in the app",
 "I'm on a plane, can I still snap receipts",
 "can I send invoices from the app",
 "I have 2 businesses in ledgerly, can I switch between them on the app",
 "can I log in with face id",
 "how do I get a notification when a customer pays",
 "is the mobile app free or extra",
],
[
 ("Which iOS version do I need for the app?", "iOS 16 or later (Android 11 or later)."),
 ("Can managers approve time off from their phone?", "Yes, managers can approve expenses and time off in the app."),
 ("Do I need 2FA to approve a pay run on mobile?", "Yes, payroll approvers confirm a 2FA code when approving in the app."),
 ("Can I run reports in the mobile app?", "No, reports need the web version."),
 ("Can employees clock in with the app?", "Yes, employees and managers can clock in and out in the app."),
 ("Do offline receipts upload automatically?", "Yes, receipts captured offline upload automatically once you're back online."),
]);

A("api-integrations", "API access and integrations", """
Connect Ledgerly to other tools with our integrations marketplace or build your own with the **Ledgerly API**.

## Integrations marketplace

Browse apps in **Settings > Integrations** - e-commerce, CRM, point of sale, payments and more. Most integrations are built by other companies, who support them; check the listing for pricing and support contacts.

## API access

The API is available on **Growth and Scale**. Starter companies can use marketplace integrations but can't create their own API apps.

- Authentication uses **OAuth 2.0**. Create an app in the **developer portal** to get a client ID and secret.
- For private scripts, Owners and Admins can create **personal access tokens**. Tokens expire after **12 months**.
- Payroll endpoints need an extra **payroll scope**, which the Owner must approve.

## Rate limits

| Plan | Requests per minute (per company) |
|---|---|
| Growth | 120 |
| Scale | 600 |

If you go over the limit, the API returns **HTTP 429** with a Retry-After header. There's also a daily limit of **10,000 requests** per company on Growth.

## Webhooks

Subscribe to events (invoice created, invoice paid, contact updated, pay run approved). We send a POST request to your URL. If your endpoint doesn't return a 2xx response, we **retry for 24 hours** with increasing delays, then disable the webhook and email the app owner.

## Sandbox

Developers can create a free **sandbox company** with sample data from the developer portal. Sandboxes are deleted after **90 days** without use.

## Support

Our support team can help with API errors and questions about endpoints, but can't review or debug your code.
""",
[
 "can I use the api on the starter plan",
 "how do we authenticate with the ledgerly api",
 "how many api calls per minute can we make on growth",
 "we're getting 429 errors from the API",
 "my personal access token stopped working after a year",
 "our webhook endpoint was down for a day, did we lose events",
 "why can't my app read payroll data through the api",
 "can I get a test company for developing against the api",
 "who supports the marketplace integrations",
 "can your support team look at my python code calling the api",
 "is there a daily api limit",
],
[
 ("What events can I subscribe to with webhooks?", "Invoice created, invoice paid, contact updated and pay run approved, among others."),
 ("Do sandbox companies expire?", "Sandboxes are deleted after 90 days without use."),
 ("Who can create personal access tokens?", "Owners and Admins can create them; they expire after 12 months."),
 ("What's the API rate limit on Scale?", "600 requests per minute per company on Scale."),
 ("Where do I get API credentials?", "Create an app in the developer portal to get a client ID and secret for OAuth 2.0."),
 ("What happens if a webhook keeps failing?", "We retry for 24 hours with increasing delays, then disable it and email the app owner."),
]);
