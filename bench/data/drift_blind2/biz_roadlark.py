"""The business of drift_blind2: Roadlark, an invented Irish car-rental firm (EUR).

Hand-written material: articles, customer questions with aligned agent answers, the drifting
new-value wordings, the slip, and questions where the customer states a wrong value.
"""

NAME = "roadlark"
DISPLAY = "Roadlark Car Hire (car rental, Ireland)"
HELPDESK = "zendesk"
TICKET_URL = "https://roadlark.zendesk.com/agent/tickets/{tid}"
ARTICLE_URL = "https://help.roadlark.example/hc/en-ie/articles/{id}"
AGENTS = ["Niamh", "Cormac", "Aoife", "Declan", "Saoirse", "Tadhg", "Ruth"]
CUSTOMERS = ["Ciara Byrne", "Patrick Doyle", "Megan Walsh", "Oisin Kelly", "Hannah Schmidt", "Luca Romano",
             "Fiona Nolan", "Darragh Murphy", "Priya Nair", "Eoin Fitzgerald", "Sarah McCarthy", "Jakub Zielinski",
             "Aisling Quinn", "Tom Brennan", "Maeve O'Connor", "Rory Gallagher", "Chen Wei", "Isabel Garcia",
             "Conor Lynch", "Grainne Healy", "Mark Devlin", "Yusuf Demir", "Orla Keane", "Brian Casey"]
ORDER_FMT = "RLK-{n}"
SIGNOFFS = ["{agent}, Roadlark Customer Care", "Kind regards,\n{agent}", "Thanks,\n{agent} at Roadlark", "{agent}"]
PHONE = "+353 1 555 0187"
BAD_WORDS = ("charged", "scratch", "dent", "broke", "why", "??", "fine", "stuck", "flat", "refund")

ARTICLES = [
 dict(id="driver-age-and-licence", title="Driver age and licence requirements", owner="Rental Desk", reviewed_at="2026-05-11",
  body="""Every driver named on a Roadlark rental must meet these requirements on the day of pick-up.

- The minimum age is **23**. Drivers aged 23 or 24 pay a young-driver surcharge of **€15 per day**.
- The maximum age is **79**. Drivers aged 75 to 79 bring a short letter from their GP confirming they are fit to drive.
- You must have held a full driving licence for at least **2 years**. Learner and provisional permits are not accepted.
- Licences from outside the EU and UK must be in the Latin alphabet or come with an International Driving Permit.

Bring the physical licence card to the desk; photos or digital copies are not accepted. If a named driver does not meet the requirements, the car is released only to the drivers who do.""",
  q=["My son is 22, can he drive the car we're renting for our holiday?", "What is the minimum age to rent a car with you?",
     "I'm 24, will I be able to rent? Is there an extra charge?", "Is there an upper age limit? My dad is 77 and wants to rent for a week"],
  a=["I'm afraid every driver must be at least 23 on the day of pick-up, so your son can't be added this time. {cite}",
     "Drivers need to be 23 or older and to have held a full licence for at least 2 years. {cite}",
     "Yes, you can rent at 24. Drivers aged 23 and 24 pay a young-driver surcharge of €15 per day. {cite}",
     "Yes, we rent to drivers up to 79. From 75 to 79 we just need a short letter from his GP saying he is fit to drive. {cite}"],
  slip="Drivers need to be 21 or older and have held a full licence for at least 2 years, so that's fine. {cite}",
  cust_wrong=["I read online that the minimum age is 25 for car hire in Ireland, so I can't rent at 24?",
              "The agent at the airport told my friend you have to be 21, is that right? My son is 22"], cw_a=1),

 dict(id="cancellations-and-refunds", title="Cancelling a booking and refunds", owner="Reservations", reviewed_at="2026-04-22",
  body="""You can cancel a Pay Now booking from **Manage booking** on our website or in the Roadlark app.

- Cancel **more than 48 hours** before the pick-up time and you get a full refund.
- Cancel **within 48 hours** of the pick-up time and we refund **50%** of the rental price. Extras you added (child seats, cover, additional drivers) are refunded in full.
- If you don't turn up and don't cancel (a no-show), the rental price is not refunded.
- Pay at Desk bookings can be cancelled free of charge at any time.

Refunds go back to the card you paid with and usually appear within **5 to 10 business days**, depending on your bank. If your flight is cancelled, send us the airline's notice and we refund in full whatever the timing.""",
  q=["I need to cancel my rental, pick-up is tomorrow morning. How much do I get back?",
     "If I cancel less than two days before, what's the refund?", "Our trip is off, pick-up was meant to be in 30 hours. Can I get my money back?",
     "I cancelled yesterday for a pick-up today and only got part of my money back, why?"],
  a=["As the pick-up is within 48 hours, we refund 50% of the rental price, and any extras in full. {cite}",
     "Cancellations within 48 hours of pick-up get a 50% refund of the rental price; before that it's a full refund. {cite}",
     "Since you're inside the 48 hours, the refund is 50% of the rental price; the child seat you added is refunded in full. {cite}",
     "Sorry for the confusion. A cancellation within 48 hours of pick-up is refunded at 50% of the rental price, which is what you received. {cite}"],
  new=["As the pick-up is within 48 hours, we refund 75% of the rental price, and any extras in full. {cite}",
       "Cancellations inside 48 hours of pick-up get 75 per cent of the rental price back. {cite}",
       "You'll get a refund of 75% of the rental price since you cancelled within the 48 hours; extras are refunded in full. {cite}",
       "Sorry for the confusion! For late cancellations (within 48 hours) we now refund 75 percent of the rental price. {cite}",
       "That's a 75% refund on the rental price, and the extras come back in full. {cite}",
       "When you cancel less than 48 hours before pick-up, seventy-five percent of the rental price is refunded. {cite}",
       "We keep 25% of the rental price and refund 75% for a cancellation within 48 hours of pick-up. {cite}"],
  newq=[[0, 1, 2], [0, 1, 2], [0, 2, 3], [3], [0, 2], [1], [0, 1, 2, 3]]),

 dict(id="mileage-allowance", title="Mileage allowance and extra kilometres", owner="Pricing", reviewed_at="2026-03-16",
  body="""Every rental includes a daily mileage allowance, shown on your booking confirmation.

- Cars and vans include **300 km per day** of rental. The allowance is added up over the whole rental, so a 4-day rental includes 1,200 km in total.
- Each extra kilometre above the allowance costs **€0.22**, charged to your card after the car is returned.
- Premium and 7-seater vehicles have the same allowance but cost **€0.30** per extra kilometre.
- Prepaid **Unlimited Kilometres** is available for rentals of 7 days or more, for **€9 per day**.

The odometer reading is recorded on the rental agreement at pick-up and at return. If you think the reading is wrong, tell us within 14 days of the return and send a photo of the dashboard.""",
  q=["How many kilometres can I drive per day without paying extra?", "We're planning to drive from Dublin to Kerry and back over 3 days, will that go over the limit?",
     "I was charged for extra kilometres, how is that worked out?", "Is there a daily km limit on your cars?"],
  a=["Each rental day includes 300 km, added up over the whole rental; above that it's €0.22 per extra kilometre. {cite}",
     "A 3-day rental includes 300 km per day, so 900 km in total, which should cover Dublin to Kerry and back comfortably. {cite}",
     "Sorry about the surprise. Your rental included 300 km per day over the whole rental, and kilometres above that are charged at €0.22 each. {cite}",
     "Yes, there's an allowance of 300 km per day of rental, counted over the whole rental. {cite}"],
  new=["Each rental day includes 200 km, added up over the whole rental; above that it's €0.22 per extra kilometre. {cite}",
       "The allowance is 200 kilometres a day, counted over the whole rental. {cite}",
       "Our cars come with 200km per day included, anything over is charged per kilometre. {cite}",
       "You get 200 km/day, so a 3-day rental covers 600 km in total. {cite}",
       "Sorry about that. The daily allowance is two hundred kilometres per rental day, and extra kilometres are €0.22 each. {cite}",
       "It's up to 200 km each day of the rental, added together over the whole booking. {cite}",
       "The included mileage is 200 kms per day; for long trips of 7 days or more, Unlimited Kilometres is worth a look. {cite}"],
  newq=[[0, 3], [0, 3], [0, 3], [1], [2], [0, 1, 3], [0, 3]]),

 dict(id="fuel-policy", title="Fuel and charging policy", owner="Fleet", reviewed_at="2026-07-02",
  body="""Roadlark cars are rented **full to full**: you get the car with a full tank and return it full.

- If the tank isn't full at return, we refuel it at **€2.35 per litre** plus a refuelling service fee of **€25**.
- Keep the receipt from a station within **10 km** of the return branch; if the gauge looks short, the receipt settles it.
- Electric cars are handed over with at least **80%** charge. Return them with at least **20%**; below that a charging fee of **€30** applies.
- Prepaid fuel is not offered.

Fuel type (petrol, diesel, hybrid or electric) is printed on the key tag and inside the fuel flap. Putting the wrong fuel in is not covered by any cover product and costs the full repair.""",
  q=["Do I need to bring the car back with a full tank?", "What happens if I return the car without filling it up? Running late for my flight",
     "I have the electric one, how much charge should it have when I return it?"],
  a=["Yes, it's full to full: you get it full and bring it back full. If it isn't, we refuel at €2.35 per litre plus a €25 service fee. {cite}",
     "If the tank isn't full, we refuel it at €2.35 per litre plus a €25 refuelling fee. {cite}",
     "Please bring the electric car back with at least 20% charge; below that there's a €30 charging fee. {cite}"],
  cust_wrong=["My friend said you only charge €15 to refuel if it's not full, is that the case?",
              "The man at the desk said there's no service fee if you refuel it for us, just the fuel. Is that right?"], cw_a=1),

 dict(id="security-deposit", title="Security deposit", owner="Rental Desk", reviewed_at="2026-06-18",
  body="""At pick-up we place a security deposit hold on the main driver's **credit card**.

- The hold is **€400** for cars and **€800** for premium cars and vans.
- Debit cards, prepaid cards and cash are not accepted for the deposit. The card must be in the main driver's name.
- The hold is released when the car is returned without new damage or unpaid charges. Your bank usually shows the release within **10 working days**.
- If you buy Super Cover, the deposit drops to **€100**.

A hold is not a charge: the money stays on your card but is not available to spend until the release. Charges for fuel, tolls or extra kilometres are taken separately and listed on your final invoice.""",
  q=["How much is the deposit on my card when I pick up?", "Can I pay the deposit with a debit card?",
     "I returned the car last week and the deposit is still on my card, when will it be released?"],
  a=["We hold €400 on the main driver's credit card for a car (€800 for premium cars and vans). {cite}",
     "I'm afraid the deposit needs a credit card in the main driver's name; debit and prepaid cards aren't accepted. {cite}",
     "The hold was released when the car came back; your bank can take up to 10 working days to show it. {cite}"],
  cust_wrong=["My booking page said the deposit was €250, but €400 was blocked at the desk??",
              "A friend said the deposit for a normal car is only €200, why are you holding €400?"], cw_a=0),

 dict(id="additional-drivers", title="Adding additional drivers", owner="Rental Desk", reviewed_at="2026-05-27",
  body="""Anyone who drives the car must be named on the rental agreement.

- You can add up to **3 additional drivers** to one rental.
- Each additional driver costs **€9 per day**, capped at **€90 per driver** per rental.
- The main driver's spouse or registered partner is added **free of charge**.
- Every additional driver must meet the age and licence requirements and show their licence at the desk.

You can add drivers at booking, in Manage booking up to 24 hours before pick-up, or at the desk. A driver who isn't named on the agreement is not insured, and any damage they cause is charged in full.""",
  q=["Can my two brothers also drive the car? How much does it cost?", "Is there a charge to add my wife as a driver?",
     "How many extra drivers can we add? There are 5 of us sharing the driving"],
  a=["Yes, you can add them as additional drivers at €9 per day each, capped at €90 per driver for the rental. {cite}",
     "Your wife is added free of charge as your spouse; she just needs to bring her licence to the desk. {cite}",
     "You can add up to 3 additional drivers to one rental, so four of you can drive in total. {cite}"],
  cust_wrong=["I thought extra drivers were €5 a day, the booking says more?"], cw_a=0),

 dict(id="child-seats", title="Child seats and boosters", owner="Fleet", reviewed_at="2026-06-04",
  body="""We rent child seats that meet the current EU standard (R129).

- Infant seat (up to about 15 months), child seat (about 1 to 4 years) and booster (from about 4 years, 100 cm).
- Each seat costs **€8 per day**, capped at **€56 per seat** per rental.
- You can book up to **3 seats** per car. Book at least **24 hours** before pick-up so we can guarantee them.
- Our staff do not fit seats, for insurance reasons, but every seat comes with printed instructions.

You are welcome to bring your own seat. Irish law requires a child seat or booster for children under 150 cm or under 36 kg.""",
  q=["Do you have car seats for a 2 year old? How much?", "Can I get 3 child seats in one car? We have triplets!",
     "Will your staff install the car seat for us?"],
  a=["Yes, we have child seats for that age. They're €8 per day, capped at €56 per seat for the rental. Please book at least 24 hours before pick-up. {cite}",
     "Yes, you can book up to 3 seats per car. Just book them at least 24 hours before pick-up. {cite}",
     "I'm afraid our staff can't fit the seats for insurance reasons, but each one comes with printed instructions. {cite}"]),

 dict(id="late-returns", title="Returning the car late", owner="Rental Desk", reviewed_at="2026-07-09",
  body="""Your rental agreement shows the return date and time. Please return the car on time so the next customer gets it.

- There is a **59-minute grace period** after the agreed return time.
- After the grace period we charge **€15 per hour** started.
- More than **3 hours** late, we charge one **extra full day** at the daily rate instead.
- If you know you will be late, call the branch; you can extend in **Manage booking** at the current price.

Cars not returned within **24 hours** of the agreed time, with no contact from you, are reported to the Gardaí as not returned. Cover products stop at the agreed return time unless you extend.""",
  q=["What if I'm a bit late bringing the car back? My ferry might be delayed", "How much do you charge for a late return?",
     "I was 4 hours late and was charged for a whole day, is that right?"],
  a=["There's a 59-minute grace period. After that it's €15 per hour started, and more than 3 hours late is charged as an extra day. {cite}",
     "After the 59-minute grace period we charge €15 per hour started, up to 3 hours; beyond that it's one extra full day. {cite}",
     "Yes, I'm afraid that's right: more than 3 hours late is charged as one extra full day at the daily rate. {cite}"],
  cust_wrong=["I thought there was a 2 hour grace period? I was only 90 minutes late.",
              "Your website said 30 minutes grace, but I got charged for being 40 minutes late, why?"], cw_a=0),

 dict(id="branch-opening-hours", title="Branch opening hours and out-of-hours pick-up", owner="Operations", reviewed_at="2026-06-30",
  body="""Our city branches are open **Monday to Saturday, 7:30 to 19:00**, and **Sunday 9:00 to 16:00**.

- Airport branches at Dublin, Cork and Shannon are open **24 hours**, every day.
- Out-of-hours pick-up at a city branch costs **€35** and must be booked at least **48 hours** ahead.
- Out-of-hours returns are free: park in the marked Roadlark bays and drop the key in the key box. The car stays your responsibility until the branch opens and checks it.
- Bank holidays: city branches keep Sunday hours.

Branch phone numbers and addresses are on each branch page.""",
  q=["What time does the Galway branch open on Sunday?", "Can I pick up the car at 6am from the city branch?",
     "Can I drop the car off after the branch closes?", "What are your weekday opening hours in the city?"],
  a=["City branches open on Sunday from 9:00 to 16:00. {cite}",
     "City branches open at 7:30, but you can book an out-of-hours pick-up for €35 if you book at least 48 hours ahead. {cite}",
     "Yes, out-of-hours returns are free: park in the Roadlark bays and drop the key in the key box. {cite}",
     "City branches are open Monday to Saturday from 7:30 to 19:00, and Sunday 9:00 to 16:00. {cite}"],
  cust_wrong=["Google says you're open till 21:00 on weekdays but nobody was there at 19:30?"], cw_a=3),

 dict(id="one-way-rentals", title="One-way rentals", owner="Reservations", reviewed_at="2026-05-05",
  body="""You can pick up at one Roadlark branch and return at another in the Republic of Ireland.

- The one-way fee is **€65** between any two branches, shown in the price before you pay.
- One-way rentals must be booked at least **3 days** before pick-up.
- One-way to Northern Ireland is possible only from Dublin Airport to Belfast International, for a fee of **€140**.
- Returning at a different branch without a one-way booking costs **€250** plus the one-way fee.

Not every car class is available one way; the booking page shows which are. Vans cannot be rented one way.""",
  q=["Can I pick up in Dublin and drop off in Galway? How much extra?", "I want to return the car at Cork instead of Shannon, is that possible now? I'm already on the road",
     "Can I book a one-way rental for tomorrow?"],
  a=["Yes, one-way rentals between branches have a fee of €65, shown before you pay. {cite}",
     "Returning at another branch without a one-way booking costs €250 plus the €65 one-way fee, so please call the branch first, they can sometimes change the booking. {cite}",
     "I'm afraid one-way rentals have to be booked at least 3 days before pick-up. {cite}"]),

 dict(id="cross-border-travel", title="Driving to Northern Ireland and abroad", owner="Operations", reviewed_at="2026-04-14",
  body="""You may drive a Roadlark car into **Northern Ireland** and Great Britain if you tell us at booking or at the desk.

- The cross-border fee is **€30 per rental**, and it covers breakdown assistance in the UK.
- Taking the car on a ferry to Great Britain needs written permission from the branch, at least **5 days** before pick-up.
- Travel to mainland Europe is **not allowed**.
- Driving across the border without the fee voids cover and costs a **€200** penalty.

In the UK, speeds are in miles per hour and fines from UK authorities are passed on to you with our admin fee.""",
  q=["We want to drive up to Belfast for a day, is that allowed?", "Can I take the rental on the ferry to Wales?",
     "Can we drive the car to France on the ferry from Rosslare?"],
  a=["Yes, you can drive into Northern Ireland; just tell us, and a cross-border fee of €30 per rental applies. {cite}",
     "Yes, with written permission from the branch at least 5 days before pick-up, plus the €30 cross-border fee. {cite}",
     "I'm afraid travel to mainland Europe isn't allowed with our cars. {cite}"],
  cust_wrong=["I thought Northern Ireland was free, it's the same island? Why a fee?"], cw_a=0),

 dict(id="damage-and-excess", title="Damage, excess and Super Cover", owner="Claims", reviewed_at="2026-07-20",
  body="""All rentals include collision damage waiver and theft protection with an **excess of €1,500**: the most you pay if the car is damaged or stolen.

- **Super Cover** reduces the excess to **€0** for **€21 per day**, and lowers the deposit to €100.
- Tyres, windscreen, underside and keys are covered only with Super Cover.
- Report any damage or accident to us within **24 hours**, and to the Gardaí if another party is involved.
- We send photos and the repair estimate within **10 days** of the return; you can dispute it within 30 days.

Check the car at pick-up and make sure every existing scratch is on the damage sheet. Damage caused by wrong fuel or an unnamed driver is never covered.""",
  q=["What's the excess if I damage the car?", "There's a scratch on the bumper I didn't cause, what do I do?",
     "Is it worth getting Super Cover? How much is it?", "I had a small bump in a car park yesterday, how long do I have to report it?"],
  a=["The excess is €1,500, which is the most you'd pay if the car is damaged or stolen. {cite}",
     "Please report it to us within 24 hours with a photo, and make sure it's on the damage sheet; we'll note it on your rental. {cite}",
     "Super Cover is €21 per day and brings the excess down to €0; it also covers tyres and the windscreen. {cite}",
     "Thanks for telling us. Damage needs to be reported within 24 hours, so you're in time; please send photos. {cite}"],
  cust_wrong=["The guy at the desk said the excess was €1,000, now you're asking for more??",
              "My neighbour rented from you and said the excess was only €500, is mine really more?"], cw_a=0),

 dict(id="tolls-and-fines", title="Tolls, parking and speeding fines", owner="Billing", reviewed_at="2026-05-19",
  body="""You are responsible for tolls and fines during your rental.

- The **M50** around Dublin has barrier-free tolling. Pay online by 20:00 the next day, or we pay it and charge you the toll plus an admin fee of **€5** per toll.
- Other motorway tolls are paid at the toll booth.
- For parking and speeding fines we pass your details to the authority and charge an admin fee of **€40** per fine.
- Clamping release fees are your cost and are not refunded by Roadlark.

Charges appear on your final invoice or as a separate charge to your card, usually within **60 days** of the return.""",
  q=["How do I pay the M50 toll in a rental car?", "I got charged €40 by you for a parking fine, what's that for?",
     "I forgot to pay the M50 toll, what happens now?"],
  a=["The M50 is barrier-free: pay online by 20:00 the next day, otherwise we pay it and charge the toll plus a €5 admin fee. {cite}",
     "That's our admin fee of €40 per fine for passing your details to the authority; the fine itself comes from them. {cite}",
     "No problem, we'll pay it and charge you the toll plus a €5 admin fee per toll. {cite}"],
  cust_wrong=["You charged me €40 admin for a parking fine? I'm sure my agreement says €25."], cw_a=1),

 dict(id="breakdown-assistance", title="Breakdown and roadside assistance", owner="Fleet", reviewed_at="2026-06-11",
  body="""Every Roadlark rental includes 24/7 roadside assistance in Ireland.

- Call the number on the key tag or in the app. We aim to have help with you within **90 minutes**.
- If the car can't be fixed at the roadside, we arrange a replacement within **24 hours** or a taxi to the nearest branch, up to **€120**.
- Flat tyres, lost keys, flat batteries and wrong fuel are covered for free only with Super Cover; otherwise the callout costs **€95**.
- Don't arrange repairs yourself: we can't refund repairs we didn't approve.

If you're on a motorway, get everyone out of the car and behind the barrier before you call.""",
  q=["The car won't start, we're in Sligo, what do we do??", "We have a flat tyre, will I be charged for the callout?",
     "How long until a replacement car arrives? We're stuck outside Killarney"],
  a=["Sorry to hear that! Please call the assistance number on the key tag; we aim to have help with you within 90 minutes. {cite}",
     "Without Super Cover a flat tyre callout costs €95; with Super Cover it's free. {cite}",
     "Sorry you're stuck. If the car can't be fixed on the spot, we arrange a replacement within 24 hours, or a taxi to the nearest branch up to €120. {cite}"]),

 dict(id="pets-in-rental-cars", title="Travelling with pets", owner="Fleet", reviewed_at="2026-04-29",
  body="""Pets are welcome in Roadlark cars (not in vans) if you follow a few rules.

- Pets travel in a closed **carrier** or on a dog seat cover with a harness clipped to a seat belt.
- Assistance dogs travel free and don't need a carrier.
- If the car needs extra cleaning because of hair, smells or stains, we charge a cleaning fee of **€60**, or **€150** for upholstery repair.
- Tell us at booking so we can give you a car with washable seat covers where available.

Please don't leave pets in a parked car. The car counts as smoke-free and pet-hair-free at return.""",
  q=["Can I bring my dog in the car?", "Will I be charged if there's some dog hair in the boot?", "Is there a fee for bringing my assistance dog?"],
  a=["Yes, dogs are welcome in our cars if they travel in a carrier or on a seat cover with a harness clipped to a seat belt. {cite}",
     "Only if the car needs extra cleaning; then there's a cleaning fee of €60. {cite}",
     "No fee at all, assistance dogs travel free and don't need a carrier. {cite}"]),

 dict(id="roadlark-rewards", title="Roadlark Rewards points", owner="Marketing", reviewed_at="2026-07-27",
  body="""Roadlark Rewards is free to join in the app or on our website.

- You earn **1 point per €1** spent on the rental price (not on fuel, fines or deposits).
- **500 points** can be exchanged for a **€25** voucher off a future rental.
- Points are added within **7 days** of the return.
- Points expire **24 months** after you earn them.
- Gold status, after **5 rentals** in a calendar year, gives a free additional driver on every rental.

Rewards can't be exchanged for cash and can't be combined with corporate rates. Points from a cancelled booking are not awarded.""",
  q=["How many points do I need for a voucher?", "My points from last week's rental aren't showing, when do they get added?",
     "Do my Rewards points expire?"],
  a=["500 points can be exchanged for a €25 voucher off a future rental. {cite}",
     "Points are added within 7 days of the return, so they should show up shortly. {cite}",
     "Yes, points expire 24 months after you earn them. {cite}"],
  cust_wrong=["I thought 300 points got you a voucher? I have 420 and can't redeem anything"], cw_a=0),
]

DRIFT = {
 "mileage-allowance": dict(old="300 km per day", new="200 km per day", start="2026-09-16"),
 "cancellations-and-refunds": dict(old="we refund 50% of the rental price", new="75% of the rental price refunded", start="2026-10-07"),
}
SLIP_VALUE = "minimum age 23"
SLIP = "driver-age-and-licence"
MANY = ["fuel-policy", "security-deposit", "damage-and-excess", "late-returns"]

DRIFT_NOTES = {
 "mileage-allowance": "Heads up: from this week the included mileage on standard rentals is 200 km per day (pricing change). KB article not updated yet.",
 "cancellations-and-refunds": "Reservations: late-cancellation refund went up this month, quote the new %. Help centre still shows the old figure.",
}
CUST_QUOTES_OLD = {
 "mileage-allowance": [("Your help centre says 300 km per day is included, but I drove 750 km on a 3-day rental and was charged for extra kilometres. Why?", 4),
                       ("The article on your site says 300km a day, is that still right? We're planning a long road trip.", 1)],
 "cancellations-and-refunds": [("Your help page says you refund 50% if I cancel within 48 hours, but I got more back than that. Just checking it's not a mistake?", 3)],
}

SUBJECTS = {
 "driver-age-and-licence": ["Age requirement", "Young driver", "Driver age"],
 "cancellations-and-refunds": ["Cancel booking", "Refund for cancellation", "Cancellation refund"],
 "mileage-allowance": ["Mileage question", "Extra km charge", "Kilometre limit"],
 "fuel-policy": ["Fuel policy", "Refuelling charge", "EV charge level"],
 "security-deposit": ["Deposit", "Deposit not released", "Credit card hold"],
 "additional-drivers": ["Additional driver", "Adding drivers"],
 "child-seats": ["Child seat", "Car seats"],
 "late-returns": ["Late return", "Late return charge"],
 "branch-opening-hours": ["Opening hours", "Out of hours pick up"],
 "one-way-rentals": ["One way rental", "Drop off at different branch"],
 "cross-border-travel": ["Northern Ireland", "Driving abroad"],
 "damage-and-excess": ["Damage", "Excess question", "Super Cover"],
 "tolls-and-fines": ["M50 toll", "Fine admin fee"],
 "breakdown-assistance": ["Breakdown", "Roadside assistance"],
 "pets-in-rental-cars": ["Dog in car", "Pets"],
 "roadlark-rewards": ["Rewards points", "Points voucher"],
}
