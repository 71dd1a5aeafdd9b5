# Extra sections appended to some long articles (kept separate so the base text stays readable).
def _extend(aid, text, replace_q=None):
    for a in ARTS:
        if a["id"] == aid:
            a["body"] = a["body"].rstrip() + "\n\n" + text.strip() + "\n"
            for old, new in (replace_q or {}).items():
                i = a["q"].index(old)
                a["q"][i] = new
            return
    raise KeyError(aid)

_extend("roaming-europe", """
## Tethering and hotspots abroad

You can use your phone as a personal hotspot in Zone 1. Tethered data counts towards your allowance and the 30GB fair use limit in the same way as data used on the phone itself.

## Channel Tunnel trains and ferries

Trains in the Channel Tunnel use a Zone 1 network, so your daily charge and allowance apply as normal - no maritime rates. Ferries between the UK and France, Ireland, Spain or the Netherlands switch to a **maritime network** once they're out at sea; maritime rates apply until your phone picks up a land network again. Switch on airplane mode during the crossing if you want to avoid this.

## Family accounts

On family accounts the daily charge is applied **per line**. If three people on the same account use their phones in Italy on the same day, you'll see three daily charges on the bill. The 10-day limit also applies per line.

## Checking which days you've been charged

Text **ROAM** to **2020** (free) and we'll reply with the days you've been charged in the current bill period. Charges also appear in the app under Usage > Roaming, usually within 48 hours.

## Frequently asked questions

**Do I need a new SIM to roam?** No, your normal SIM works abroad.

**Does the daily charge apply if my phone just updates apps in the background?** Yes - any data use counts, including background app refreshes, so switch off data roaming if you don't want to be charged that day.

**Can I use my allowance in Northern Ireland or the Republic of Ireland?** Northern Ireland is part of the UK, so there's no roaming. The Republic of Ireland is in Zone 1. Near the border your phone may connect to an Irish network: choose a Kestrel network manually to avoid an unexpected daily charge.

**I'm moving to Spain for a year. Can I keep using my Kestrel plan?** Roaming is designed for trips, not living abroad. See the fair use section above - after 4 months of mostly roaming we may apply a surcharge, so a local plan is usually better value.
""", {"Do I pay the roaming charge in Jersey?": "three of us are on my family plan and all used our phones in rome yesterday, why are there 3 daily charges",
      "my contract is unlimited data, can I use unlimited in germany too?": "is there a text I can send to see which days I got charged for roaming this month"})

_extend("insurance", """
## Claims: documents we may ask for

- A **police crime reference number** for theft, or a **loss reference** for loss.
- Proof of purchase, if the phone wasn't bought from Kestrel.
- Photos of the damage for accidental damage claims.
- Your SIM bar confirmation (we can see this ourselves if your SIM is with Kestrel).

## Paying the excess

The excess is paid by debit or credit card when you make the claim. It can't be added to your bill. If your claim is declined, the excess is refunded within 5 working days.

## Insuring a phone you didn't buy from Kestrel

You can add Kestrel Protect to a phone you bought elsewhere if it's **less than 6 months old**, you have the receipt, and it's worth no more than **£1,500**. The tier is based on the price on your receipt.

## Changing phones

If you get a new phone, the monthly price and excess for covering it depend on its value tier in the table above.

## Complaints about a claim

If you're unhappy with a claim decision, tell us within **8 weeks**. If we can't resolve it, you can refer it to the Financial Ombudsman Service free of charge.

## Frequently asked questions

**Does Kestrel Protect cover my tablet or smartwatch?** Yes, if it was bought on a Kestrel device plan. The same tiers apply.

**Is there a waiting period?** No - cover starts the moment your policy is confirmed, but claims for loss or theft in the first **14 days** need extra checks and may take longer.

**Can I claim for a battery that no longer holds charge?** Battery wear is not a breakdown, so it isn't covered. A battery that fails completely outside the manufacturer's warranty is covered as a breakdown.
""", {"is a scratched back covered": "can I insure a phone I bought from another shop 2 months ago",
      "will the replacement be brand new": "can the insurance excess go on my monthly bill"})

_extend("billing-faq-business", """
## Changes to Direct Debit collection

You can change the bank account used for Direct Debit in the Business Hub. The new account is used from the next invoice, provided the change is made at least **10 working days** before the collection date. Otherwise, the old account is used one more time.

## Credit notes

When we agree a dispute, we issue a **credit note** rather than a refund. Credit notes appear as a separate document in the Business Hub and are applied automatically to your next invoice. If your account is closed, we refund credit balances by BACS within **10 working days**.

## Part-month charges

Lines added or removed in the middle of the month are charged **pro rata** on the next invoice. Bolt-ons added mid-month are charged in full for that month and don't pro-rate.

## Overseas businesses and VAT

If your business is registered outside the UK, VAT is still charged on mobile services used in the UK. We can't issue zero-rated invoices.

## Invoice formats

Invoices are available as **PDF** and as **CSV**. Accounts with more than 100 lines can also receive a monthly **billing data file** by secure FTP - ask your account manager.
""", {"how far back can i export itemised call records for our business lines": "we changed our company bank account on the 25th, which account will the next direct debit come from",
      "payment terms on business invoices?": "we added 4 lines mid month, will we pay a full month for them or part"})

_extend("billing-faq-consumer", """
## Why is this month's bill different?

Common reasons a bill changes from one month to the next:

1. **You used something outside your plan** - calls to 084, 087 or 09 numbers, picture messages abroad, or premium text services.
2. **An add-on started or ended** - add-ons bought part-way through a month are charged in full for that month.
3. **A discount ended** - introductory discounts (for example "half price for 6 months") end automatically. The end date is in your contract summary.
4. **A credit was applied** - goodwill credits and compensation show in Credits and adjustments and reduce the total.
5. **You changed plan** - moving to a bigger plan part-way through a month adds a part-month charge for the difference.

## Itemised bills

Your bill lists every chargeable call, text and data session. For privacy, the **last 3 digits** of numbers you called are hidden on the PDF. You can show full numbers in the app under **Settings > Bills > Show full numbers**. Calls included in your allowance are listed only if you switch on **Full itemisation**.

## Letting someone else manage your account

You can add up to **2 authorised people** (for example a family member or carer) who can talk to us about your account, make payments and change add-ons. Authorised people **can't** cancel lines, order new phones or request a PAC. Add them in **Settings > Account > Authorised people**; they'll need to pass security when they contact us.

## Paying someone else's bill

You can pay any Kestrel bill by card in the app or on the website using the **account number** and the **postcode** on the account. You don't need to log in. The payment shows as a credit on their account within 2 hours.

## Credit balances

If you've paid more than you owe, the extra is shown as a **credit balance** and used against your next bill automatically. You can ask for a credit balance over **£10** to be refunded to your card while your account is open; smaller amounts stay on the account.
""", {"do you take amex": "the numbers on my itemised bill have the last few digits missing, how do I see the full number",
      "can i add my kids phones to my bill and is there any discount for that": "can my daughter deal with my phone account for me, she helps me with things like that"})

_extend("insurance", """
## Claims timeline

| Step | Typical time |
|---|---|
| Claim submitted in the app | Same day |
| Claim decision (if no extra checks are needed) | Within 1 working day |
| Replacement dispatched (approved before 2pm) | Next working day |
| Repair (collection, fix, return) | About 5 working days |
| Excess refund if a claim is declined | Within 5 working days |
""")

_extend("billing-faq-business", """
## Closing a business account

When every line on an account has been cancelled, a **final invoice** is issued on the next 1st of the month. It includes line rental up to the end of the notice period, any early termination charges and outstanding usage. Final invoices are due in **14 days**, not 30, and can't be paid by card above the usual £5,000 limit.
""")
