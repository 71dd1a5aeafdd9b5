"""Business 1 (tuning): Thymeline, an invented UK meal-kit subscription."""

NAME = "thymeline"
DISPLAY = "Thymeline (meal-kit subscription, UK)"
HELPDESK = "zendesk"
TICKET_URL = "https://thymeline.zendesk.com/agent/tickets/{tid}"
ARTICLE_URL = "https://help.thymeline.example/articles/{id}"
AGENTS = ["Priya", "Tom", "Leah", "Marcus", "Joanna", "Femi"]
CUSTOMERS = ["Hannah Price", "Olu Adeyemi", "Gareth Jones", "Sophie Turner", "Ravi Patel", "Emma Clarke",
             "Dan Whitfield", "Aisha Rahman", "Chloe Evans", "Liam O'Brien", "Martha Hughes", "Ben Carter",
             "Nadia Kowalski", "Jess Morgan", "Kieran Walsh", "Zoe Bennett", "Imran Sheikh", "Lucy Hart",
             "Sam Okafor", "Ellie Ward", "Tomasz Nowak", "Grace Lin", "Harriet Cole", "Jamal Ahmed"]
ORDER_FMT = "TL-{n}"
SIGNOFFS = ["{agent}, Thymeline Support", "Best,\n{agent}", "Thanks,\n{agent} at Thymeline", "{agent}"]
PHONE = "0161 555 0142"

ARTICLES = [
 dict(id="skip-a-delivery", title="Skipping a delivery week", owner="Customer Care", reviewed_at="2026-06-02",
  body="""You can skip any upcoming delivery from **My Deliveries** in your account or in the app.

- Skip a week before the weekly cutoff: **23:59 on the Wednesday** of the week before your delivery. After the cutoff the box is locked, packed and charged.
- You can skip up to **10 weeks ahead**.
- Skipped weeks are never charged, and there is no limit on how many weeks you skip in a row.
- If you skip by mistake, you can unskip the week until the same cutoff, as long as the recipes are not sold out.

Skipping is different from pausing: a pause stops all deliveries for a set period and restarts on its own (see *Pausing your meal plan*).""",
  q=["Can I skip next week's box? We're away on holiday.", "How far ahead can I skip deliveries? I want to skip a few weeks over the summer",
     "i forgot to skip this weeks box, is it too late? it's thursday morning", "What's the deadline for skipping a week?"],
  a=["You can skip any week until 23:59 on the Wednesday of the week before the delivery, and skipped weeks aren't charged. {cite}",
     "The cutoff for skipping is Wednesday at 23:59 the week before your box arrives, and you can skip up to 10 weeks ahead from My Deliveries. {cite}",
     "Skipping works until the Wednesday cutoff (23:59) in the week before delivery. After that the box is locked and packed, so I'm afraid I can't skip this one. {cite}"],
  cust_wrong=["I thought I could skip up to the day before delivery? Your app wouldn't let me skip Monday night.",
              "My sister says skipping is allowed until Friday, is that right? I missed it again"]),

 dict(id="pause-your-plan", title="Pausing your meal plan", owner="Customer Care", reviewed_at="2026-06-02",
  body="""Need a break? Pause your plan from **Account > Plan settings > Pause**.

- A pause lasts from **1 to 8 weeks**. Choose the length when you pause.
- Your plan restarts on its own at the end of the pause, with the same recipes preferences and delivery day.
- We send a reminder email **3 days before** your first box after a pause, so you have time to extend the pause or cancel.
- A pause must be set before the weekly cutoff (23:59 on Wednesday the week before) to stop that week's box.

If you need more than 8 weeks, you can pause again when the first pause ends, or skip individual weeks instead.""",
  q=["How long can I pause my subscription for? Moving house next month", "Hi, can I put the plan on hold for like 3 months?",
     "If I pause will it restart automatically or do I need to remember?"],
  a=["You can pause for anything from 1 to 8 weeks, and the plan restarts on its own afterwards; we'll email you 3 days before the first box comes back. {cite}",
     "A single pause can be up to 8 weeks. For longer, pause again when it ends or skip the extra weeks. {cite}",
     "Yes it restarts automatically at the end of the pause (1 to 8 weeks, your choice), and you'll get a reminder 3 days before the next box. {cite}"]),

 dict(id="cancel-your-plan", title="Cancelling your Thymeline plan", owner="Retention", reviewed_at="2026-05-20",
  body="""You can cancel online at any time from **Account > Plan settings > Cancel plan**. No phone call is needed.

- Cancel before the weekly cutoff (**23:59 on the Wednesday** of the week before delivery) and no further boxes are sent.
- A box that is already locked (past the cutoff) is still delivered and charged.
- If you come back within **12 months**, your account, saved recipes and any credit are still there.
- Account credit does not expire while your account is open, but it cannot be paid out in cash.

You will receive a confirmation email within a few minutes of cancelling. If you don't, check the plan status in your account before contacting us.""",
  q=["I want to cancel my subscription please. How do I do it?", "cancel my plan. why was i charged for another box after i cancelled on thursday??",
     "If I cancel now do I lose my credit?"],
  a=["You can cancel from Account > Plan settings > Cancel plan. Anything cancelled before the Wednesday 23:59 cutoff stops the next box; a box already locked past the cutoff still goes out and is charged. {cite}",
     "I'm sorry for the confusion. You cancelled after the Wednesday 23:59 cutoff, so that box was already locked and charged, and it is the last one you'll get. {cite}",
     "Your credit stays on the account, and if you come back within 12 months your account and saved recipes are all still there. {cite}"]),

 dict(id="delivery-days-and-times", title="Delivery days and time slots", owner="Logistics", reviewed_at="2026-07-14",
  body="""We deliver **Tuesday to Saturday**. Choose your day in **Plan settings**; a change applies from the next unlocked week.

- Standard slot: **7am to 7pm**.
- Evening slot: **5pm to 10pm**, for an extra **£1.50** per box (not available in every postcode).
- On the morning of delivery you get a text message with a **1-hour window** from our courier.
- If nobody is home, the courier leaves the box in your safe place. The insulation keeps ingredients cold until 10pm on the delivery day.

Missed or late delivery? Tell us the same day through the app so we can trace the courier.""",
  q=["What time will my box arrive? I have to go out", "Do you deliver on Sundays?", "can I get deliveries in the evening, I work until 6"],
  a=["Deliveries come between 7am and 7pm, and on the morning of delivery you'll get a text with a 1-hour window. {cite}",
     "We deliver Tuesday to Saturday only, so Sunday isn't possible I'm afraid. {cite}",
     "Yes, there's an evening slot from 5pm to 10pm for an extra £1.50 per box, if it's available in your postcode. {cite}"]),

 dict(id="missing-or-damaged-items", title="Missing, damaged or spoiled ingredients", owner="Quality", reviewed_at="2026-04-08",
  body="""Sorry if something arrived missing, damaged or not fresh. We put it right with credit or a refund.

- Report it **within 48 hours of delivery** from **My Deliveries > Report an issue**, or by replying to your delivery email.
- Add a photo of the item and its label where you can; it helps our suppliers fix the cause.
- We credit the value of the affected recipe to your account straight away, or refund it to your card if you prefer.
- If a whole box is unusable (for example it arrived warm), we refund the full box.

Reports made after 48 hours are reviewed case by case.""",
  q=["One of my recipes was missing the chicken. What can you do?", "The box arrived today and the milk had leaked all over the veg.",
     "hi the salmon in my box smelled off, delivered on monday, is it too late to report?", "Half the bag of spinach was slimy. Can I get a credit?"],
  a=["So sorry about that. Please report it within 48 hours of delivery from My Deliveries > Report an issue (a photo helps), and we'll credit the recipe straight away. {cite}",
     "You can report missing or damaged items within 48 hours of the delivery; I've gone ahead and credited the recipe to your account. {cite}",
     "Issues need to be reported within 48 hours of delivery, and yours is inside that, so I've added credit for the recipe. {cite}"],
  new=["Sorry about that! You have 7 days from delivery to report anything missing or damaged, so you're well within time. I've credited the recipe. {cite}",
       "No problem, you can report within a week of delivery now, so that's fine. I've refunded the recipe to your card. {cite}",
       "We now accept reports up to seven days after the box arrives, so that's absolutely OK. Credit for the recipe is on your account. {cite}",
       "That's fine, the window for reporting missing or spoiled items is 7 days after delivery. I've added the credit for you. {cite}",
       "You can report issues within 7 days of delivery through My Deliveries > Report an issue. I've already done it for you this time and the recipe is credited. {cite}",
       "Please don't worry, reports within a week of delivery are accepted. I've refunded the cost of the recipe. {cite}",
       "Just so you know for next time, you've got 7 days after delivery to flag anything like this. The recipe value is back on your account. {cite}"],
  newq=[[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 3], [0, 1, 2, 3], [0, 1, 3]]),

 dict(id="refund-timing", title="How long refunds take", owner="Billing", reviewed_at="2026-07-01",
  body="""When we agree a refund, you choose how to receive it.

- **Account credit** appears immediately and is used on your next box.
- **Refund to your card** is sent the same day and takes **5 to 7 business days** to reach your account, depending on your bank.
- Refunds to PayPal usually show within **2 business days**.

You'll get an email when the refund is issued. If it has not arrived after 7 business days, contact your bank with the reference in that email first; if they can't find it, reply to the email and we'll trace it.""",
  q=["When will my refund show up on my card?", "I was told I'd get a refund last week and nothing yet. how long does it take?",
     "How long do refunds take to paypal vs card?"],
  a=["Card refunds take 5 to 7 business days to reach your account; it was issued today. {cite}",
     "Refunds to a card take 5 to 7 business days depending on your bank. If it's not there after 7 business days, contact your bank with the reference from the email. {cite}",
     "PayPal refunds usually show within 2 business days, and card refunds take 5 to 7 business days. {cite}"],
  slip="The refund was sent today, it usually takes 3 to 5 business days to reach your card. {cite}",
  cust_wrong=["Your email said refunds take 3 days and it's been 4, where is it?", "Isn't it supposed to be back in 3 days? It's been almost a week."], cw_a=1),

 dict(id="delivery-charges", title="Delivery charges", owner="Billing", reviewed_at="2026-03-30",
  body="""Every box has a delivery charge, shown at checkout and on your weekly order summary.

- Standard delivery costs **£3.99 per box**.
- Your **first box ships free**.
- The evening slot (5pm to 10pm) adds **£1.50** on top of the standard charge.
- Delivery is charged per box, so two boxes in one week are charged twice.

Discount codes reduce the price of the recipes, not the delivery charge, unless the code says "free delivery".

If a box arrives late because of the courier, tell us the same day and we refund the delivery charge for that box.""",
  q=["How much is delivery? I couldn't see it on the plan page", "Why is there a delivery fee on my order?? I thought it was free",
     "what's the delivery charge per box now?", "Hi, just checking the shipping cost before I order a second box this week"],
  a=["Standard delivery is £3.99 per box; only the first box ships free. {cite}",
     "The first box is free to deliver, after that it's £3.99 a box. {cite}",
     "Delivery is £3.99 per box, and the evening slot adds £1.50. {cite}",
     "Delivery is charged per box, so a second box this week would add another £3.99. {cite}"],
  new=["Delivery is £4.99 per box; the first box still ships free. {cite}",
       "Standard delivery is now £4.99 a box, plus £1.50 if you pick the evening slot. {cite}",
       "It's £4.99 for delivery on each box (your first box was free, which is why you didn't see it before). {cite}",
       "The delivery charge is £4.99 per box, so a second box this week would add another £4.99. {cite}",
       "Delivery costs 4.99 per box now. {cite}",
       "We charge £4.99 delivery per box, shown on the weekly order summary. {cite}",
       "Standard delivery went up to £4.99 per box. {cite}"],
  newq=[[0, 1, 2], [0, 2], [1], [3], [0, 2], [0, 1, 2], [0, 1, 2]],
  cust_wrong=["Your advert said delivery is £2.99, why did I pay more?"]),

 dict(id="refer-a-friend", title="Refer a friend", owner="Marketing", reviewed_at="2026-06-20",
  body="""Share your referral link from **Account > Refer a friend**.

- Your friend gets **£25 off** their first box.
- You get **£15 account credit** once their first box has been delivered.
- You can earn credit for up to **20 referrals per calendar year**.
- The friend must be new to Thymeline (a new address and a new payment card).

Referral credit is added within 24 hours of your friend's first delivery. It can't be exchanged for cash and can't be combined with another new-customer offer on the friend's side.""",
  q=["How does the refer a friend thing work? what do I get?", "I referred my colleague and she got her box on Friday but I don't see any credit",
     "Is there a limit on how many friends I can refer?"],
  a=["Your friend gets £25 off their first box and you get £15 credit once their first box has been delivered. {cite}",
     "Referral credit of £15 is added within 24 hours of your friend's first delivery. {cite}",
     "You can earn credit for up to 20 referrals per calendar year, £15 each. {cite}"],
  cust_wrong=["My friend said I'd get £25 credit when she signs up, but I only see £15?", "I thought the referral credit was £25 each way?"]),

 dict(id="discount-codes", title="Using discount and promo codes", owner="Marketing", reviewed_at="2026-05-11",
  body="""Enter a code at checkout or under **Account > Credits and codes**.

- **One code per order**; codes cannot be combined with each other or with a referral offer.
- Unless the code says otherwise, a code **expires 30 days** after we send it.
- Codes apply to recipes, not to delivery (except "free delivery" codes) and not to gift cards.
- A code applied after the weekly cutoff applies to the following week's box.

If a code is rejected, check the expiry date and the minimum order shown in the email that came with it.""",
  q=["My code WELCOME40 isn't working", "Can I use two promo codes on one box?", "how long is a promo code valid for? I got one in an email in september"],
  a=["Codes expire 30 days after we send them unless the email says otherwise, and I think that's what happened here. {cite}",
     "Only one code can be used per order, they can't be combined. {cite}",
     "Unless it says otherwise, a code is valid for 30 days from when we sent it. {cite}"]),

 dict(id="allergens-and-dietary", title="Allergens and dietary needs", owner="Quality", reviewed_at="2026-02-17",
  body="""Every recipe card and ingredient label lists the **14 major allergens** as defined by UK food law.

- Our kitchens handle nuts, sesame, gluten and dairy, so we **cannot guarantee** any recipe is free from traces.
- Filter the menu by *vegetarian*, *vegan*, *gluten-free friendly* or *no nuts* in the app.
- You can swap recipes until the weekly cutoff (23:59 on Wednesday the week before delivery).

If you have a severe allergy, please read the label on each ingredient, as suppliers occasionally change products.""",
  q=["Are your recipes safe for someone with a nut allergy?", "Do you do gluten free? my son is coeliac", "which allergens do you label?"],
  a=["We label all 14 major allergens, but our kitchens handle nuts so we can't guarantee any recipe is free from traces. {cite}",
     "You can filter for gluten-free friendly recipes, but because the kitchen handles gluten we can't guarantee there are no traces. {cite}",
     "All 14 major allergens are listed on each recipe card and ingredient label. {cite}"]),

 dict(id="plan-sizes-and-prices", title="Plan sizes and prices", owner="Billing", reviewed_at="2026-06-30",
  body="""Choose a plan for **2 or 4 people** and **2 to 5 recipes** a week.

- 2-person plans start at **£5.99 per serving** (5 recipes a week).
- 4-person plans start at **£4.29 per serving** (5 recipes a week).
- Fewer recipes cost a little more per serving; the exact price is shown before you confirm.
- Premium recipes are marked and add **£2.50 per serving**.

Change your plan size in **Plan settings**; the change applies from the next unlocked week.""",
  q=["How much per portion is the 4 person plan?", "What's the cheapest price per serving?", "why was my box more expensive this week"],
  a=["The 4-person plan starts at £4.29 per serving with 5 recipes a week. {cite}",
     "2-person plans start at £5.99 per serving and 4-person plans at £4.29, both at 5 recipes a week. {cite}",
     "It looks like one of your recipes was a premium one, which adds £2.50 per serving. {cite}"]),

 dict(id="returning-packaging", title="Recycling and returning packaging", owner="Sustainability", reviewed_at="2026-01-22",
  body="""Most of our packaging goes in your household recycling.

- The cardboard box and paper bags are kerbside recyclable.
- Insulated liners and ice packs can be returned: leave **up to 3 boxes'** worth of liners and ice packs out at your next delivery and the courier collects them for free.
- Ice packs are filled with water and a non-toxic gel: you can also cut them open, empty the gel in the bin and recycle the film.

Collection is available on standard slots only, not on evening slots.""",
  q=["What do I do with all the ice packs?? I have a freezer full", "Can your driver take back the insulation?", "do you collect packaging on evening deliveries"],
  a=["Leave up to 3 boxes' worth of liners and ice packs out at your next delivery and the courier will collect them for free. {cite}",
     "Yes, the courier can collect insulated liners and ice packs from up to 3 boxes at your next standard delivery. {cite}",
     "Collection only works on standard slots, not the evening ones, sorry. {cite}"]),

 dict(id="change-delivery-address", title="Changing your delivery address", owner="Logistics", reviewed_at="2026-07-14",
  body="""Update your address under **Account > Delivery details**.

- Changes made before the weekly cutoff (**23:59 on Wednesday** the week before delivery) apply to that week's box.
- After the cutoff the label is printed and the box goes to the old address.
- Each box goes to one address; you can't split a box.
- Safe-place instructions can be up to **100 characters**.

Moving to a postcode we don't cover? The app will tell you when you enter it, and you can pause your plan instead.""",
  q=["I'm moving next week, how do I change the address for my box?", "Can you change the address on my box arriving Friday? I'm at my mum's",
     "My safe place note got cut off"],
  a=["Address changes made before the Wednesday 23:59 cutoff apply to that week's box. {cite}",
     "I'm sorry, the cutoff was Wednesday at 23:59, so the label is printed and the box will go to your usual address. {cite}",
     "Safe-place instructions can be up to 100 characters, so that's why it was cut off. {cite}"]),

 dict(id="gift-cards", title="Thymeline gift cards", owner="Marketing", reviewed_at="2026-06-20",
  body="""Gift cards are sold in values from **£25 to £200** at thymeline.example/gift.

- A gift card is valid for **24 months** from the date of purchase.
- The recipient redeems it under **Account > Credits and codes**; the value becomes account credit.
- Gift cards can't be exchanged for cash or used to buy another gift card.
- A discount code can be used on the same order as gift card credit.

Lost the email? The buyer can resend it from their order history.""",
  q=["How long is a gift card valid? I got one for my birthday last year", "Can I get cash back for a gift card?", "what amounts do gift cards come in"],
  a=["Gift cards are valid for 24 months from the date of purchase, so you still have plenty of time. {cite}",
     "Gift cards can't be exchanged for cash, but the value becomes account credit for your boxes. {cite}",
     "They come in values from £25 to £200 and are valid for 24 months. {cite}"],
  cust_wrong=["Doesn't a gift card expire after 12 months? Mine is from last October"]),

 dict(id="storing-your-box", title="Storing your ingredients", owner="Quality", reviewed_at="2026-04-08",
  body="""Unpack your box as soon as you can.

- Put chilled items in the fridge **within 2 hours** of getting home, or by 10pm on delivery day at the latest.
- Cook meat and poultry recipes **within 3 days** of delivery.
- Cook fish recipes **within 2 days** of delivery.
- Vegetarian recipes keep for up to 5 days; check the use-by date on each item.

Each recipe card shows which recipes to cook first. Raw meat goes on the bottom shelf of the fridge, away from vegetables and dairy.""",
  q=["How long does the chicken keep in the fridge?", "which meals should I cook first", "is the fish ok to eat on day 3?"],
  a=["Meat and poultry recipes should be cooked within 3 days of delivery. {cite}",
     "Cook the fish recipes first (within 2 days of delivery), then meat and poultry within 3 days. {cite}",
     "Fish needs cooking within 2 days of delivery, so I wouldn't eat it on day 3. {cite}"]),

 dict(id="closing-your-account", title="Deleting your account and data", owner="Privacy", reviewed_at="2025-11-03",
  body="""You can ask us to delete your account and personal data through the privacy form at thymeline.example/privacy.

- Cancel your plan first; we can't delete an account with a box still locked.
- We delete your account and personal data **within 30 days** of the request and email you when it's done.
- Order and payment records are kept for **6 years**, as UK tax law requires.
- Unused account credit is lost when the account is deleted.""",
  q=["Please delete my account and all my data", "How long until my data is deleted? I sent the form 2 weeks ago"],
  a=["We delete the account and personal data within 30 days of the request and email you once it's done. Order records are kept for 6 years for tax. {cite}",
     "Deletion happens within 30 days of the request, so it's still in progress. {cite}"]),
]

DRIFT = {
 "missing-or-damaged-items": dict(old="within 48 hours of delivery", new="within 7 days of delivery", start="2026-09-14"),
 "delivery-charges": dict(old="£3.99 per box", new="£4.99 per box", start="2026-10-05"),
}
SLIP_VALUE = "5 to 7 business days"
SLIP = "refund-timing"
MANY = ["skip-a-delivery", "refer-a-friend", "gift-cards", "pause-your-plan"]

SUBJECTS = {
 "skip-a-delivery": ["Skipping a week", "skipping deliveries", "Too late to skip?"],
 "pause-your-plan": ["Pause my plan", "Putting subscription on hold"],
 "cancel-your-plan": ["Cancel subscription", "Charged after cancelling", "cancellation"],
 "delivery-days-and-times": ["Delivery question", "Evening deliveries?", "Sunday delivery"],
 "missing-or-damaged-items": ["Problem with my box", "Damaged items in box", "Leaking box", "Spoiled food"],
 "refund-timing": ["Refund question", "When will I get my refund", "Refund"],
 "delivery-charges": ["Delivery charge", "Why am I paying delivery?", "Shipping cost"],
 "refer-a-friend": ["Referral credit", "Refer a friend question"],
 "discount-codes": ["Promo code", "Discount code"],
 "allergens-and-dietary": ["Allergy question", "Gluten free?"],
 "plan-sizes-and-prices": ["Prices", "Box price"],
 "returning-packaging": ["Packaging", "Packaging return"],
 "change-delivery-address": ["Change of address", "Delivery address"],
 "gift-cards": ["Gift card", "Gift card expiry"],
 "storing-your-box": ["Food storage", "How long does food keep"],
 "closing-your-account": ["Delete my account", "Data deletion"],
}
