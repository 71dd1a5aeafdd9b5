"""The business of drift_blind4: Pelliton Self Storage, an invented Australian self-storage company (AUD).

Hand-written material: articles, customer questions with aligned agent answers, the drifting
new-value wordings, the slip, and questions where the customer states a wrong value.
"""

NAME = "pelliton"
DISPLAY = "Pelliton Self Storage (self-storage company, Australia)"
HELPDESK = "zendesk"
TICKET_URL = "https://pelliton.zendesk.com/agent/tickets/{tid}"
ARTICLE_URL = "https://help.pelliton.example/au/articles/{id}"
AGENTS = ["Priya", "Declan", "Mia", "Tane", "Lachlan", "Huong", "Sione"]
CUSTOMERS = ["Olivia Nguyen", "Jack Harrington", "Aroha Walker", "Ben Castellano", "Zara Ahmed", "Liam O'Brien",
             "Charlotte Pham", "Hamish Grant", "Isla Kowalski", "Mohammed Saleh", "Ruby Fitzgerald", "Tom Papadakis",
             "Georgia Lim", "Sam Whitfield", "Eleni Markou", "Cooper Judd", "Anika Sharma", "Harvey Doyle",
             "Mei Tanaka", "Jordan Ellis", "Farah Qureshi", "Oscar Brennan", "Tahlia Moore", "Vikram Rao"]
ORDER_FMT = "PLT-{n}"
SIGNOFFS = ["{agent}, Pelliton Customer Care", "Cheers,\n{agent}", "Thanks,\n{agent} at Pelliton", "{agent}",
            "Kind regards,\n{agent} | Pelliton Self Storage"]
PHONE = "(02) 5550 0187"
SITES = ["Riverside", "Northgate", "Bellvue Park", "Carrow Hill"]
BAD_WORDS = ("charged", "why", "??", "locked", "lost", "denied", "damaged", "refund", "late", "overcharged",
             "wasn't ready", "lost my job", "not ready")

ARTICLES = [
 dict(id="prepayment-discounts", title="Paying in advance", owner="Pricing", reviewed_at="2026-05-11",
  body="""You can pay rent in advance when you move in or at any time after, and save.

- Pay **3 months** in advance: **5%** off those months.
- Pay **6 months** in advance: **10%** off.
- Pay **12 months** in advance: **20%** off, and your price is locked for the whole period.
- Prepaid discounts apply to the unit rent only, not to protection cover, locks or supplies.
- If you move out early, unused whole months are refunded at the normal monthly price, less the discount already given, within **10 business days**.

Prepayment can be combined with the new-customer offer but not with the student rate. Pay in the customer portal, by card at the office or by bank transfer; a prepaid period starts on your next billing date.""",
  q=["Do you have a discount if I pay for a year upfront?",
     "What's the discount for paying 6 months and 12 months in advance?",
     "I'm storing my furniture for a year while we're overseas, what's the cheapest way to pay?",
     "If I pay 12 months now and move out after 8, do I get money back?"],
  a=["Yes: paying 12 months in advance gives you 20% off, and your price is locked for the whole year. {cite}",
     "Paying 6 months in advance gives 10% off, and 12 months in advance gives 20% off. {cite}",
     "The cheapest option is to pay the 12 months in advance: that's 20% off the rent, and the price is locked for the year. {cite}",
     "Yes, unused whole months are refunded at the normal monthly price, less the 20% discount already given, within 10 business days. {cite}"],
  new=["Yes: paying 12 months in advance gives you 15% off, and your price is locked for the whole year. {cite}",
       "It's 10% off for 6 months paid upfront and 15% off for 12 months. {cite}",
       "The best rate is paying a year in advance, which takes 15 percent off the rent. {cite}",
       "For a full year paid upfront the discount is 15 per cent; for six months it's 10%. {cite}",
       "Yes, unused whole months come back at the normal monthly price, less the 15% discount you got, within 10 business days. {cite}",
       "Twelve months in advance gets you fifteen per cent off the unit rent (it doesn't apply to protection cover). {cite}",
       "Annual prepay = 15% off rent, price locked for 12 months. {cite}",
       "The 12-month prepayment discount is now 15%, a little less than it used to be; the 6-month one is still 10%. {cite}"],
  newq=[[0], [1], [0, 2], [1, 2], [3], [0, 2], [0], [1, 0]],
  before_q=[0, 1, 2, 3]),

 dict(id="booking-and-moving-in", title="Booking a unit and moving in", owner="Site Operations", reviewed_at="2026-06-03",
  body="""Book online, by phone or at any site office. You'll need photo ID and a card or bank account for rent.

- A reservation holds your unit free of charge for **7 days**.
- **Same-day move-in**: book online by **14:00** and your unit is ready the same afternoon; later bookings are ready from **8:30** the next day.
- Sign your agreement online; it takes about **10 minutes**.
- Your first payment covers the first month's rent plus a **$100** security deposit.
- Every unit needs a disc lock; ours cost **$19**, or bring your own.

On move-in day, collect your access fob from the office or from the key box outside. Free trolleys are by the lifts, and the loading bay can be used for up to **45 minutes** at a time.""",
  q=["If I book online this morning, can I move in today?",
     "What's the latest I can book to move in the same day?",
     "I booked at 3 this afternoon and the unit wasn't ready, why??",
     "How long is a reservation held?"],
  a=["Yes, as long as you book online by 14:00, your unit is ready the same afternoon. {cite}",
     "For same-day move-in, please book online by 14:00; bookings after that are ready from 8:30 the next day. {cite}",
     "Sorry for the wasted trip. Same-day move-in needs the booking in by 14:00; bookings after that are ready from 8:30 the next morning. {cite}",
     "A reservation holds your unit free of charge for 7 days. {cite}"],
  new=["Yes, as long as you book online by 12:00, your unit is ready the same afternoon. {cite}",
       "Same-day move-in needs the booking in by 12pm; anything later is ready from 8:30 the next day. {cite}",
       "Sorry for the wasted trip. The same-day cut-off is midday (12:00) now, so afternoon bookings are ready from 8:30 the next morning. {cite}",
       "Book before noon and you can move in the same day. {cite}",
       "The cut-off for same-day move-in is 12 p.m.; after that, your unit is ready from 8:30 the following morning. {cite}",
       "Online bookings made by 12.00 are ready the same day; later ones from 8:30 the next morning. {cite}",
       "Yes, if the booking is in by 12 noon, the unit will be ready this afternoon. {cite}",
       "We've moved the same-day cut-off to 12 o'clock, so please book online before then. {cite}"],
  newq=[[0], [1, 0], [2], [0, 1], [1], [0, 1], [0], [1, 0]],
  before_q=[0, 1, 2]),

 dict(id="storage-protection", title="Protecting your stored goods", owner="Risk and Claims", reviewed_at="2026-04-16",
  body="""Everything you store must be covered, either by Pelliton Protect or by your own insurance.

- **Pelliton Protect** costs **$4.50 per week**, added to your rent, and covers goods up to **$5,000** against fire, flood, theft and vermin.
- Higher cover, up to **$20,000**, is available on request.
- An excess of **$250** applies to each claim.
- Report a loss within **30 days** of discovering it, with photos and a list of items.
- Using your own policy? Upload a certificate of currency within **14 days** of moving in.

Cash, jewellery, art worth more than $1,000 per item and irreplaceable documents are never covered. Pelliton Protect is arranged through our insurance partner; the product disclosure statement is in your customer portal.""",
  q=["Do I have to get insurance for my unit?",
     "How much is the Pelliton Protect cover?",
     "My stuff got water damaged in the unit. How do I claim and is there an excess?",
     "What does the storage cover cost and how much does it cover?"],
  a=["Yes, everything stored must be covered: Pelliton Protect is $4.50 per week, or you can use your own policy and upload the certificate within 14 days. {cite}",
     "Pelliton Protect is $4.50 per week, added to your rent, and covers goods up to $5,000. {cite}",
     "I'm really sorry about the damage. Please report it within 30 days with photos and a list of items; an excess of $250 applies to each claim. {cite}",
     "Pelliton Protect costs $4.50 per week and covers goods up to $5,000; higher cover up to $20,000 is available on request. {cite}"],
  new=["Yes, all stored goods must be covered: Pelliton Protect is $22 a month, or you can use your own policy and upload the certificate within 14 days. {cite}",
       "Pelliton Protect is $22 per month, added to your rent, and covers goods up to $5,000. {cite}",
       "Cover is $22/month for up to $5,000 of goods. {cite}",
       "It's billed monthly now: $22 each month with your rent, for cover up to $5,000. {cite}",
       "Our Protect cover costs 22 dollars a month; if you'd rather use your home contents policy, just upload the certificate. {cite}",
       "Pelliton Protect is $22 monthly and covers fire, flood, theft and vermin up to $5,000. {cite}",
       "Standard cover is $22 per calendar month (goods up to $5,000); higher cover up to $20,000 is on request. {cite}",
       "Protect: $22/mo, $250 excess per claim, up to $5,000 covered. {cite}"],
  newq=[[0], [1, 3], [1, 3], [1, 3], [0, 1], [1, 3], [3], [1, 3]],
  before_q=[0, 1, 3]),

 dict(id="moving-out", title="Moving out and ending your agreement", owner="Customer Care", reviewed_at="2026-03-24",
  body="""You can end your agreement at any time after the minimum term of **1 month**.

- Give at least **14 days' notice** in the customer portal or by email. Rent is charged up to the end of the notice period, by the day.
- Empty the unit and sweep it out; leave it unlocked with the door closed.
- We inspect the unit within **2 business days**. Anything left behind is removed at **$85** per cubic metre, and a cleaning fee of **$60** applies if the unit needs it.
- Your **$100** security deposit is refunded within **10 business days** of the inspection.
- Return your fob to the office or the drop box; unreturned fobs cost **$25**.

If you prepaid, unused whole months are refunded as set out in our prepayment terms.""",
  q=["How much notice do I need to give to move out?",
     "I'm moving out at the end of the month, what do I need to do?",
     "When do I get my deposit back?",
     "Do I have to clean the unit when I leave?"],
  a=["Please give at least 14 days' notice in the customer portal or by email; rent is charged by the day up to the end of the notice period. {cite}",
     "Give us at least 14 days' notice, then empty and sweep the unit, leave it unlocked and return your fob. {cite}",
     "Your $100 deposit is refunded within 10 business days of the inspection, which we do within 2 business days of you moving out. {cite}",
     "Just sweep it out; a cleaning fee of $60 only applies if the unit needs cleaning, and anything left behind is removed at $85 per cubic metre. {cite}"],
  slip="Just give us 7 days' notice in the portal and rent stops at the end of that week. {cite}",
  cust_wrong=[("I read somewhere you only need a week's notice, can I leave on Friday?", 0),
              ("Why hasn't my deposit come back? You said 5 days", 2)]),

 dict(id="unit-sizes-and-prices", title="Unit sizes and prices", owner="Pricing", reviewed_at="2026-07-01",
  body="""Every Pelliton site has units from lockers to garage-sized rooms. Prices are per calendar month and include GST.

- **Locker** (1.5 m²): **$79** per month. Fits the contents of a car boot.
- **Small** (4 m²): **$149** per month. Fits a one-bedroom flat.
- **Medium** (9 m²): **$259** per month. Fits a two- or three-bedroom house.
- **Large** (15 m²): **$389** per month. Fits a four-bedroom house or business stock.
- Drive-up units, with parking at the door, cost **$30** more per month.

New customers get **50%** off their first month on small, medium and large units. Ceilings are at least **2.4 m** high. Prices at our Northgate site are **$10** lower per month on every size. We review prices once a year and give **30 days'** notice of any change.""",
  q=["How much is a small unit per month?",
     "What size unit do I need for a 3 bedroom house?",
     "Is there a deal for new customers?",
     "How much extra is a drive-up unit?"],
  a=["A small unit (4 m²) is $149 per month, GST included. {cite}",
     "A medium unit (9 m²) fits a two- or three-bedroom house; it's $259 per month. {cite}",
     "Yes, new customers get 50% off their first month on small, medium and large units. {cite}",
     "Drive-up units cost $30 more per month than the same size inside. {cite}"],
  cust_wrong=[("My friend paid $120 a month for a small unit, why are you charging me $149?", 0),
              ("I thought the first month was free for new customers?", 2)]),

 dict(id="access-hours", title="Site access and office hours", owner="Site Operations", reviewed_at="2026-05-28",
  body="""Use your access fob or the Pelliton app at the gate keypad. All times are local site time.

- **Gate access**: **6:00 to 22:00**, every day including public holidays.
- **Site office**: Monday to Friday **8:30 to 17:30**, Saturday **9:30 to 16:00**, closed Sunday.
- **24/7 access** is available at selected sites for **$15** per month; it's linked to your fob.
- Lost fobs are replaced for **$25**; the old fob is switched off straight away.
- The gate closes automatically; anyone still on site after closing must call security on (02) 5550 0199.

Up to **2** people can be added to your account as authorised users, each with their own fob. CCTV covers every corridor, and recordings are kept for **30 days**.""",
  q=["What time can I get into my unit?",
     "Is the office open on Sunday?",
     "I lost my fob, how much for a new one?",
     "Can I get in late at night? I work shifts",
     "Can my partner get their own fob?"],
  a=["Gate access is 6:00 to 22:00 every day, public holidays included. {cite}",
     "The office is closed on Sunday; it's open Monday to Friday 8:30 to 17:30 and Saturday 9:30 to 16:00. {cite}",
     "A replacement fob is $25, and we switch the old one off straight away. {cite}",
     "Standard gate access ends at 22:00, but 24/7 access is available at selected sites for $15 per month. {cite}",
     "Yes, you can add up to 2 authorised users, each with their own fob. {cite}"],
  cust_wrong=[("I thought the gate was open until midnight? I got locked out at 10:30pm", 0),
              ("Isn't 24/7 access free at the Northgate site?", 3)]),

 dict(id="late-payments", title="Late payments and overdue accounts", owner="Accounts", reviewed_at="2026-06-19",
  body="""Rent is due on your billing date each month. If a payment fails, we retry it after **3 days** and email you each time.

- A late fee of **$20** is added when rent is **5 days** overdue.
- After **14 days** overdue, your access is suspended and an overlock is fitted to your unit.
- Removing an overlock after payment costs **$45**.
- After **42 days** overdue, we send a formal notice; under your agreement, goods may be sold to recover the debt **28 days** after that notice.
- A dishonoured direct debit costs **$12.50**.

Talk to us before it gets that far: we can usually set up a payment plan of up to **3 months**. Accounts can be contacted through the portal, and payment plans are confirmed in writing.""",
  q=["My rent is a few days late, will I be charged?",
     "Why can't I get into my unit? The keypad says access denied",
     "There's an extra lock on my unit, how do I get it removed?",
     "Can I get a payment plan? I lost my job"],
  a=["A late fee of $20 is added once rent is 5 days overdue, so paying before then avoids it. {cite}",
     "Sorry for the trouble. Access is suspended once an account is 14 days overdue; as soon as it's paid, the gate works again. {cite}",
     "Once the balance is paid, the overlock is removed for a $45 fee. {cite}",
     "I'm sorry to hear that. Yes, we can usually set up a payment plan of up to 3 months; it's confirmed in writing. {cite}"],
  cust_wrong=[("I thought there was a 7 day grace period before the late fee? I paid on day 6 and got charged", 0),
              ("Why is the overlock removal $45? The site manager said it was $30", 2)]),

 dict(id="prohibited-items", title="What you can't store", owner="Risk and Claims", reviewed_at="2026-02-17",
  body="""For everyone's safety, some things can't be kept in a unit.

- No flammable liquids or gases: petrol, gas bottles, paint thinners. Vehicles and mowers may be stored with no more than **10 litres** of fuel in the tank, and with the battery disconnected.
- No food or anything perishable, except tinned food in sealed boxes.
- No plants, animals, firearms, ammunition, explosives or illegal goods.
- Nobody may live or work in a unit, and it can't be used as a workshop.
- Floor loads are limited to **500 kg** per square metre on upper floors.

Pallets, shelving and furniture are fine. If you're unsure about an item, ask the office before you bring it in. We may open a unit with **24 hours'** notice if we believe it holds prohibited items.""",
  q=["Can I store my lawn mower? It still has some fuel in it",
     "Can I keep tinned food in my unit?",
     "Can I use my unit as a small workshop for woodwork?",
     "How much weight can I put in an upstairs unit? It's gym equipment"],
  a=["Yes, with no more than 10 litres of fuel in the tank and the battery disconnected. {cite}",
     "Tinned food is fine in sealed boxes, but nothing perishable. {cite}",
     "I'm afraid units can't be used as a workshop, and nobody may work or live in one. {cite}",
     "Upper floors take up to 500 kg per square metre, so spread the heaviest pieces out. {cite}"],
  cust_wrong=[("My neighbour says you can keep up to 20 litres of fuel in a stored boat, is that right?", 0)]),

 dict(id="vehicle-and-boat-storage", title="Car, boat and caravan storage", owner="Site Operations", reviewed_at="2026-05-05",
  body="""Selected sites have outdoor and covered bays for cars, boats, trailers and caravans.

- **Outdoor bay** up to **6 m** long: **$95** per month.
- **Covered bay** up to **6 m** long: **$145** per month.
- Longer vehicles pay **$12** per month for each extra metre, up to **12 m**.
- Vehicles must be registered or have a current permit, and be insured by you; our protection cover doesn't include vehicles.
- Bays are available to drive in and out during gate hours.

Cars stored for more than **3 months** should have the battery disconnected. Washing vehicles and doing repairs on site isn't allowed. A minimum term of **3 months** applies to vehicle bays, and bays can't be swapped for a unit during that term.""",
  q=["How much to store my boat? It's 8 m on the trailer",
     "Do you have undercover parking for a caravan?",
     "Does my car need to be registered to store it?",
     "How much is an outdoor bay for my car?"],
  a=["An outdoor bay is $95 per month up to 6 m, plus $12 per month for each extra metre, so your 8 m boat and trailer would be $119 per month. {cite}",
     "Yes, covered bays are $145 per month up to 6 m long, at selected sites. {cite}",
     "Yes, vehicles must be registered or have a current permit, and you insure them yourself. {cite}",
     "An outdoor bay up to 6 m long is $95 per month, with a minimum term of 3 months. {cite}"],
  cust_wrong=[("I was quoted $80 a month for an outdoor bay last year, has it gone up?", 3)]),

 dict(id="van-hire", title="Van hire and trolleys", owner="Site Operations", reviewed_at="2026-06-11",
  body="""Most sites have a moving van you can hire by the hour, and trolleys you can borrow for free.

- Van hire: **$39** for the first **3 hours**, then **$12** per extra hour.
- Each hire includes **100 km**; extra kilometres cost **$0.30** each.
- Drivers must be **21** or older with a full licence held for at least **2 years**.
- Return the van with the same fuel level, or we refuel it at **$3** per litre.
- New customers get their first **3-hour** hire free on move-in day.

Trolleys, furniture blankets and a platform ladder are free to use on site. Book the van in the customer portal at least **24 hours** ahead; weekends book out fast.""",
  q=["How much is it to hire your van?",
     "Do I get the van free when I move in?",
     "I'm 20, can I drive the van?",
     "Why was I charged for extra kilometres on the van?"],
  a=["The van is $39 for the first 3 hours, then $12 per extra hour, with 100 km included. {cite}",
     "Yes, new customers get their first 3-hour hire free on move-in day; just book it at least 24 hours ahead. {cite}",
     "I'm afraid drivers must be 21 or older with a full licence held for at least 2 years. {cite}",
     "Sorry for the confusion. Each hire includes 100 km, and extra kilometres are $0.30 each. {cite}"],
  cust_wrong=[("The van is $29 for 3 hours, isn't it? That's what the sign said", 0),
              ("I thought 200 km was included? Why was I charged extra", 3)]),

 dict(id="packing-supplies", title="Boxes and packing supplies", owner="Retail", reviewed_at="2026-04-29",
  body="""Our site offices sell everything you need to pack, at prices below most hardware stores.

- Small box (tea chest size): **$3.50**; large box: **$4.90**; wardrobe box with hanging rail: **$16**.
- Bundle of **10** large boxes: **$42**.
- Bubble wrap: **$18** for a **10 m** roll. Packing tape: **$4** a roll.
- Unused, undamaged boxes can be returned for a full refund within **30 days**, with the receipt.
- Order online for free delivery to your unit, or to your home for **$15** within **10 km** of a site.

Reusable plastic crates can be hired for **$2** per crate per week. Mattress covers and furniture covers are also sold in the office, and every box we sell is made from recycled cardboard.""",
  q=["How much are your boxes?",
     "Can I return boxes I didn't use?",
     "Do you deliver boxes to my house?",
     "Do you hire out plastic crates?"],
  a=["A small box is $3.50 and a large one $4.90, or a bundle of 10 large boxes is $42. {cite}",
     "Yes, unused, undamaged boxes can be returned for a full refund within 30 days with the receipt. {cite}",
     "Yes, home delivery is $15 within 10 km of a site, and delivery to your unit is free. {cite}",
     "Yes, reusable plastic crates are $2 per crate per week. {cite}"],
  cust_wrong=[("Last time I bought boxes a large one was $3, why $4.90 now?", 0)]),

 dict(id="changing-unit-size", title="Moving to a bigger or smaller unit", owner="Customer Care", reviewed_at="2026-03-09",
  body="""If your needs change, you can move to another unit at the same site without a new agreement.

- Your first transfer in the first **3 months** is free; after that, each transfer costs a **$25** admin fee.
- The new unit's rent applies from the day you move, charged by the day for the rest of that month.
- Your security deposit moves with you.
- We'll hold the new unit for **48 hours** while you move your goods across; trolleys and the loading bay are yours to use.
- The old unit must be empty and swept before you hand it back.

Transfers between sites count as moving out and in again, with a new agreement and a new deposit. The new-customer offer doesn't apply to transfers, and a prepaid period moves with you at the new unit's price.""",
  q=["I need a bigger unit, can I switch?",
     "Is there a fee to move to a smaller unit?",
     "How long do I have to move my things to the new unit?"],
  a=["Yes, you can move to another unit at the same site; your first transfer in the first 3 months is free, after that it's a $25 admin fee. {cite}",
     "After the first 3 months each transfer costs a $25 admin fee, and the new rent applies from the day you move. {cite}",
     "We'll hold the new unit for 48 hours while you move your goods across. {cite}"],
  cust_wrong=[("I thought transfers were always free? Why a $25 fee", 1)]),

 dict(id="business-deliveries", title="Business storage and deliveries", owner="Business Accounts", reviewed_at="2026-07-08",
  body="""Businesses use Pelliton units for stock, archives and equipment. A business account adds a few services.

- We accept deliveries on your behalf Monday to Friday, **9:00 to 16:00**, and hold them in the office for up to **5 business days**.
- The first **20** parcels a month are free; after that it's **$5** per parcel.
- Pallet deliveries up to **500 kg** can be unloaded with our forklift for **$25** per pallet.
- Business accounts are invoiced monthly on **14-day** payment terms.
- Archive boxes can be logged and retrieved for you for **$8** per box.

Open a business account with your ABN. Each business account gets up to **5** authorised users. The rules on what you can't store apply to businesses too.""",
  q=["Can you accept deliveries for my online shop at the unit?",
     "What do you charge for parcels?",
     "Can your forklift unload a pallet for me?",
     "What are the payment terms on a business account?"],
  a=["Yes, with a business account we accept deliveries Monday to Friday, 9:00 to 16:00, and hold them in the office for up to 5 business days. {cite}",
     "The first 20 parcels each month are free, then it's $5 per parcel. {cite}",
     "Yes, pallets up to 500 kg can be unloaded with our forklift for $25 per pallet. {cite}",
     "Business accounts are invoiced monthly on 14-day payment terms. {cite}"],
  cust_wrong=[("My courier says you only take deliveries until 3pm, is that right? They want to come at half 3", 0),
              ("I was told the first 50 parcels are free?", 1)]),

 dict(id="student-storage", title="Student summer storage", owner="Pricing", reviewed_at="2026-06-25",
  body="""Students going home for the summer break can store their things with us at a special rate.

- Students with a valid student card get **25%** off locker and small units.
- The minimum stay is **2 months**, and the maximum at the student rate is **5 months**.
- Our pick-up service collects up to **8** boxes from your college or share house for **$60**, and delivers them back for the same price.
- Boxes must weigh no more than **20 kg** each.
- Book pick-ups at least **5 days** ahead; slots fill up in November and June.

The student rate can't be combined with other discounts. Bring your student card when you sign up, or upload a photo of it in the customer portal. Pick-ups run on weekdays only, and the driver will call you before arriving.""",
  q=["Do you have a student discount?",
     "How much is the pick-up from my college?",
     "Can I store for just one month over the break?"],
  a=["Yes, with a valid student card you get 25% off locker and small units. {cite}",
     "Our pick-up service collects up to 8 boxes for $60, and delivers them back for the same price. {cite}",
     "The minimum stay is 2 months, I'm afraid, and up to 5 months at the student rate. {cite}"],
  cust_wrong=[("Isn't the student discount 30%? That's what my flatmate got", 0)]),

 dict(id="payment-methods", title="Ways to pay your rent", owner="Accounts", reviewed_at="2026-05-20",
  body="""Rent is charged monthly on your billing date, the day of the month you moved in.

- **Direct debit** from a bank account: free. Most customers use it.
- **Credit or debit card** autopay: a **1.4%** card surcharge applies.
- **Bank transfer** or **BPAY**: use your agreement number as the reference and allow **2 business days**.
- Cash is accepted at site offices only, up to **$500** per payment.
- Receipts are emailed within **24 hours** and are in the customer portal.

You can change your payment method in the customer portal at any time. Changes made less than **3 business days** before a billing date apply from the following month. We never ask for card details by email or text message.""",
  q=["Do you charge a fee for paying by card?",
     "Can I pay my rent in cash?",
     "I changed to direct debit yesterday but you charged my card again, why?",
     "What reference do I use for a bank transfer?"],
  a=["A 1.4% surcharge applies to card payments; direct debit from a bank account is free. {cite}",
     "Yes, at site offices only, up to $500 per payment. {cite}",
     "Sorry about that. Changes made less than 3 business days before a billing date apply from the following month, so this month's rent still went to your card. {cite}",
     "Use your agreement number as the reference, and allow 2 business days for it to arrive. {cite}"],
  cust_wrong=[("Why is there a 2% card fee on my statement? I thought cards were free", 0)]),

 dict(id="climate-controlled-units", title="Climate-controlled units", owner="Site Operations", reviewed_at="2026-04-02",
  body="""Climate-controlled units suit furniture, wine, documents, electronics and musical instruments.

- The temperature is kept between **16 °C** and **25 °C** all year.
- Relative humidity stays below **60%**.
- They cost **$40** more per month than a standard unit of the same size.
- Available in small and medium sizes at our Riverside and Northgate sites.
- Wine storage lockers hold up to **12 cases** and cost **$55** per month.

Units are monitored around the clock, and you'll get a text alert if the temperature leaves the range for more than **2 hours**. Keep items off the floor on pallets or shelves, and leave a gap of **10 cm** from the walls so air can move around them.""",
  q=["What temperature are the climate-controlled units kept at?",
     "How much extra is a climate-controlled unit?",
     "Do you store wine?"],
  a=["They're kept between 16 °C and 25 °C all year, with humidity below 60%. {cite}",
     "Climate-controlled units cost $40 more per month than a standard unit of the same size. {cite}",
     "Yes, our wine storage lockers hold up to 12 cases and cost $55 per month. {cite}"],
  cust_wrong=[("Someone told me the climate units are only $20 extra a month?", 1)]),
]

DRIFT = {
 "prepayment-discounts": dict(old="Pay 12 months in advance: 20% off", new="15% off for 12 months paid in advance",
                              start="2026-09-07", kind="percentage (discount)", before=4, after=11),
 "storage-protection": dict(old="Pelliton Protect costs $4.50 per week", new="$22 per month",
                            start="2026-09-28", kind="price per period (period and amount change)", before=3, after=10),
 "booking-and-moving-in": dict(old="book online by 14:00", new="book by 12:00 (midday)",
                               start="2026-10-12", kind="clock time (daily cut-off)", before=3, after=10),
}
SLIP = "moving-out"
SLIP_VALUE = "at least 14 days' notice"
SLIP_DATE = "2026-10-21"
SLIP_Q = 0
MANY = ["unit-sizes-and-prices", "access-hours", "late-payments"]

DRIFT_NOTES = {
 "prepayment-discounts": "Heads up: from this month the 12-month prepay discount is 15% (6-month stays at 10%). Pricing haven't updated the Paying in advance article yet.",
 "storage-protection": "Protect moved to monthly billing at $22/month with the new insurer (was weekly). The help article still shows the weekly price; Risk & Claims to update.",
 "booking-and-moving-in": "Roster change: site teams prep units in the morning now, so the same-day cut-off is 12:00. The moving-in article still says 14:00.",
}
CUST_QUOTES_OLD = {
 "prepayment-discounts": [("Your website says 20% off if I pay 12 months upfront, but the portal only took 15% off. Which is right?", 7),
                          ("The Paying in advance page says 20% for a year upfront. Is that still the deal? Thinking of paying for 12 months.", 2)],
 "storage-protection": [("The help page says Pelliton Protect is $4.50 a week but my invoice shows $22 for the month. Have I been overcharged??", 3),
                        ("Your article on protecting stored goods says $4.50 per week. Is that still the price? Budgeting for a 6 month stay.", 1)],
 "booking-and-moving-in": [("The moving-in page says book by 14:00 for same-day, I booked at 1pm and was told the unit's not ready till tomorrow?", 2),
                           ("Your help page says 2pm is the cut-off for same-day move-in. Can I still book at 1:30 today and get in this afternoon?", 4)],
}

SUBJECTS = {
 "prepayment-discounts": ["Prepay discount", "Paying upfront", "Annual payment"],
 "booking-and-moving-in": ["Same day move in", "Booking a unit", "Unit not ready"],
 "storage-protection": ["Insurance", "Pelliton Protect", "Damage claim"],
 "moving-out": ["Moving out", "Notice period", "Deposit refund"],
 "unit-sizes-and-prices": ["Unit prices", "What size unit", "New customer offer"],
 "access-hours": ["Access hours", "Office hours", "Lost fob"],
 "late-payments": ["Late fee", "Locked out", "Overlock", "Payment plan"],
 "prohibited-items": ["Can I store this?", "Mower storage"],
 "vehicle-and-boat-storage": ["Boat storage", "Caravan bay", "Car storage"],
 "van-hire": ["Van hire", "Van charges"],
 "packing-supplies": ["Boxes", "Packing supplies"],
 "changing-unit-size": ["Change unit size", "Transfer to bigger unit"],
 "business-deliveries": ["Deliveries to my unit", "Business account"],
 "student-storage": ["Student storage", "Summer storage"],
 "payment-methods": ["Card surcharge", "Paying rent"],
 "climate-controlled-units": ["Climate controlled", "Wine storage"],
}
