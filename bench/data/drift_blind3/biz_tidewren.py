"""The business of drift_blind3: Tidewren Ferries, an invented Canadian coastal ferry operator (CAD).

Hand-written material: articles, customer questions with aligned agent answers, the drifting
new-value wordings, the slip, and questions where the customer states a wrong value.
"""

NAME = "tidewren"
DISPLAY = "Tidewren Ferries (coastal ferry operator, Canada)"
HELPDESK = "freshdesk"
TICKET_URL = "https://tidewren.freshdesk.com/a/tickets/{tid}"
ARTICLE_URL = "https://support.tidewren.example/en-ca/articles/{id}"
AGENTS = ["Amélie", "Kofi", "Harriet", "Jun", "Mateo", "Wren", "Tess"]
CUSTOMERS = ["Madison Clarke", "Raj Patel", "Chloé Tremblay", "Owen MacLeod", "Ayesha Khan", "Lukas Becker",
             "Hailey Thompson", "Marcus Lee", "Sofia Alvarez", "Ethan Wong", "Brianna Fraser", "Tomasz Nowak",
             "Leah Gagnon", "Nathan Smythe", "Grace Okafor", "Dylan Roy", "Mei Lin", "Jasmine Singh",
             "Callum Reid", "Noor Haddad", "Kyle Bouchard", "Emma Lindqvist", "Ravi Menon", "Paige Dunn"]
ORDER_FMT = "TWF-{n}"
SIGNOFFS = ["{agent}, Tidewren Customer Care", "Take care,\n{agent}", "Thanks,\n{agent} at Tidewren", "{agent}",
            "All the best,\n{agent} | Tidewren Ferries"]
PHONE = "+1 250 555 0143"
BAD_WORDS = ("charged", "why", "??", "missed", "lost", "recording", "stuck", "refund", "cancelled", "late",
             "short", "gone")
ORDER_PREFIX = "TWF"

ARTICLES = [
 dict(id="baggage-allowance", title="Luggage allowance for foot passengers", owner="Terminal Operations",
  reviewed_at="2026-05-14",
  body="""Foot passengers check their luggage at the terminal baggage counter. It travels in the baggage cart and is returned at the arrival terminal.

- Each foot passenger may check **2 bags** with a combined weight of up to **30 kg**.
- You can also bring one carry-on bag of up to **7 kg** and a personal item such as a handbag.
- Each extra bag costs **$12** per sailing, and bags over the combined limit pay an overweight fee of **$20** per sailing.
- No single bag may be longer than **150 cm**.
- The baggage counter closes **20 minutes** before departure.

Luggage inside a vehicle is not weighed or counted. Fragile items, cash and medicines should travel in your carry-on. Our liability for checked luggage is limited to **$500** per passenger.""",
  q=["How much luggage can I bring as a foot passenger?",
     "I'm moving to Kestrel Island with 2 big suitcases, about 28 kg together. Is that ok to check in?",
     "I got charged $20 for overweight luggage at Port Alder, why? I only had two bags",
     "Is there a weight limit for carry-on bags?"],
  a=["Each foot passenger can check 2 bags with a combined weight of up to 30 kg, plus a carry-on of up to 7 kg. {cite}",
     "Yes, that's fine: your 2 checked bags can weigh up to 30 kg combined. {cite}",
     "Sorry about that. The overweight fee of $20 per sailing applies when checked bags go over the 30 kg combined limit, even with only two bags. {cite}",
     "Your carry-on can weigh up to 7 kg; that's separate from the 30 kg allowance for your 2 checked bags. {cite}"],
  new=["Each foot passenger can check 2 bags with a combined weight of up to 25 kg, plus a carry-on of up to 7 kg. {cite}",
       "The checked allowance is 25 kilos in total across your 2 bags. {cite}",
       "That's over the limit now, I'm afraid: checked bags can weigh 25 kg combined per passenger, and above that there's a $20 overweight fee per sailing. {cite}",
       "Sorry about the surprise. The combined limit for checked luggage is 25 kg per foot passenger, and anything over that pays the $20 overweight fee. {cite}",
       "You can check two bags, twenty-five kilograms between them, plus your carry-on. {cite}",
       "Checked luggage is limited to 25 kg (about 55 lb) combined per passenger. {cite}",
       "Max is 25kg total for checked bags, 2 pieces. {cite}",
       "The 2-bag allowance has a 25-kilogram combined limit; the carry-on limit of 7 kg is the same as before. {cite}"],
  newq=[[0], [0], [1], [2], [0], [0, 1], [0], [3]],
  before_q=[0, 1, 2, 3]),

 dict(id="contact-and-opening-hours", title="Contacting us and opening hours", owner="Customer Care",
  reviewed_at="2026-06-02",
  body="""You can reach Tidewren Customer Care by phone, live chat or email. All times are Pacific time.

- **Phone**: 8:00 to 20:00, every day of the year except 25 December. Call +1 250 555 0143.
- **Live chat** in the app and on our website: 7:00 to 22:00, every day.
- **Email** and the contact form: we reply within **2 business days**.
- Terminal ticket offices open **45 minutes** before the first sailing of the day and close after the last departure.

During storms and major disruptions, phone waits can be longer than **30 minutes**. Sailing updates are posted in the app and on the website first, and you can sign up for text alerts. To change or cancel a booking you don't need to call: **Manage booking** works around the clock.""",
  q=["What are your phone hours?",
     "Until what time can I call tonight to sort out my booking?",
     "I rang at 7:15 in the evening and only got a recording. Are your lines closed??",
     "Can I reach someone by phone on weekends?"],
  a=["Our phone lines are open 8:00 to 20:00 every day, and live chat runs from 7:00 to 22:00. {cite}",
     "You can call until 20:00 tonight, and chat is open until 22:00 if that's easier. {cite}",
     "Sorry about that! The phone lines are open until 20:00, so you should have got through; evening queues can be long, and live chat (until 22:00) is usually quicker. {cite}",
     "Yes, the phone line is open every day, weekends included, from 8:00 to 20:00. {cite}"],
  new=["Our phone lines are open 8am to 6pm every day, and live chat runs from 7am to 10pm. {cite}",
       "You can call until 18:00; after that, live chat is open until 22:00. {cite}",
       "Sorry about that! The phone line closes at 6 p.m. now, which is why you got the recording. Live chat is open until 22:00. {cite}",
       "We take calls from 8:00 to 18:00, seven days a week. {cite}",
       "Phone support is available every day until six in the evening, Pacific time. {cite}",
       "Lines are open 08:00–18:00 daily, weekends included. {cite}",
       "The phones are staffed 8 till 6pm, every day; chat stays open later, until 22:00. {cite}",
       "Since the winter schedule started, the contact centre answers calls until 18.00; the live chat hours haven't changed. {cite}"],
  newq=[[0, 3], [1], [2], [0, 3], [0, 1, 3], [0, 3], [0, 1], [0, 1, 2]],
  before_q=[0, 1, 3]),

 dict(id="vehicle-sizes-and-fares", title="Vehicle sizes and fares", owner="Pricing", reviewed_at="2026-04-20",
  body="""Vehicle fares depend on the length and height of your vehicle, including anything on the roof or towed behind it.

- **Standard vehicle**: up to **2.1 m** high and **6 m** long. Fares start at **$58** per sailing on the Kestrel route.
- **Overheight**: vehicles taller than 2.1 m (roof boxes, vans, campers) pay a surcharge of **$35**.
- **Over 6 m**: each extra metre, or part of a metre, costs **$9.50**.
- Motorcycles pay **$29**, and a trailer counts towards the vehicle's length.
- The maximum height on our ships is **4.3 m**.

Declare your vehicle's size when you book. If the size measured at the booth is bigger than booked, the difference is charged at check-in. The driver is included in the vehicle fare; other people in the vehicle pay the passenger fare.""",
  q=["Our van is 2.3 m tall with the roof rack on, is that a standard vehicle?",
     "Does a roof box count for the height? Our car is quite low even with it on",
     "I'm towing a small trailer, how is that priced?",
     "What's the fare for a motorbike?"],
  a=["I'm afraid not: the standard fare covers vehicles up to 2.1 m high, so with the roof rack it pays the overheight surcharge of $35. {cite}",
     "Yes, the roof box counts towards the height, but if the total stays under 2.1 m you pay the standard fare. {cite}",
     "The trailer counts towards your length: the standard fare covers up to 6 m, and each extra metre or part of one is $9.50. {cite}",
     "Motorcycles pay $29 per sailing. {cite}"],
  slip="Standard fare covers vehicles up to 2.4 m high, so your van counts as a standard vehicle. {cite}",
  cust_wrong=[("Someone on a forum said the standard fare covers anything up to 7 m long, so my car and trailer are fine at 6.8 m, right?", 2),
              ("Why was I charged an overheight fee? I thought the limit was 2.5 m and my van is under that.", 0)]),

 dict(id="check-in-deadlines", title="Check-in times and deadlines", owner="Terminal Operations", reviewed_at="2026-07-06",
  body="""Arrive in good time: loading starts about 30 minutes before departure, and late arrivals lose their reserved space.

- **Vehicles with a reservation** must check in at the booth at least **30 minutes** before departure.
- **Foot passengers** must have their ticket scanned at least **10 minutes** before departure.
- Checked luggage must be at the counter **20 minutes** before departure.
- Vehicles arriving after the deadline go to the standby lane and travel on the next sailing with space; the reservation fee of **$18** is not refunded.
- Without a reservation, vehicles wait in the standby lane; on summer weekends the wait can be **2 sailings** or more.

Check-in opens **90 minutes** before departure. If you know you'll be late, move your booking in Manage booking before the deadline instead.""",
  q=["How early do I need to be at the terminal with my car?",
     "I'm a foot passenger, when do I need to be there by?",
     "We missed the check-in deadline by 5 minutes and got put in standby. Do we get the reservation fee back??",
     "Without a reservation, how long might we wait on a Saturday in August?"],
  a=["With a vehicle reservation, please check in at the booth at least 30 minutes before departure; check-in opens 90 minutes before. {cite}",
     "Foot passengers need their ticket scanned at least 10 minutes before departure, or be at the counter 20 minutes before if you're checking luggage. {cite}",
     "Sorry that happened. Vehicles arriving after the 30-minute deadline go to standby, and the $18 reservation fee isn't refunded. {cite}",
     "Without a reservation you'd wait in the standby lane; on summer weekends that can be 2 sailings or more. {cite}"],
  cust_wrong=[("I thought foot passengers could still board up to 5 minutes before departure?", 1),
              ("Your radio ad said cars only need to be there 15 minutes before. Why was I sent to standby when I got there 20 minutes before??", 2)]),

 dict(id="changing-a-booking", title="Changing a booking", owner="Reservations", reviewed_at="2026-05-08",
  body="""You can change the date, time, route or vehicle on a booking in **Manage booking** or through Customer Care.

- Changes made more than **24 hours** before departure are free; you pay any fare difference.
- Changes within 24 hours of departure cost **$15** per booking, plus any fare difference.
- You can change a booking up to **2 hours** before departure; after that, see our pages on check-in and cancellations.
- A booking can be changed at most **3 times**.
- If the new fare is lower, the difference is returned as travel credit, not to your card.

Name changes are free for passengers, but the reservation holder can't be changed. Saver fares can be changed too; the saver discount only applies to sailings that still have saver seats.""",
  q=["Can I move my sailing from Friday to Sunday? Is there a fee?",
     "I need to change tomorrow morning's booking to the afternoon, how much will it cost?",
     "I changed to a cheaper sailing, why didn't I get the difference back on my card?",
     "How many times can I change a booking? Plans keep shifting"],
  a=["Yes, changes more than 24 hours before departure are free; you just pay any fare difference. {cite}",
     "As it's within 24 hours of departure, the change fee is $15 per booking plus any fare difference. {cite}",
     "When the new fare is lower, the difference goes back as travel credit rather than to your card. {cite}",
     "A booking can be changed up to 3 times, as long as it's at least 2 hours before departure. {cite}"],
  cust_wrong=[("I read that changes are free right up to 2 hours before, so why did you charge me $15??", 1),
              ("Your agent told me last month I could change my booking 5 times, now the app won't let me?", 3)]),

 dict(id="cancelling-a-booking", title="Cancelling a booking", owner="Reservations", reviewed_at="2026-03-30",
  body="""Cancel in **Manage booking** or through Customer Care. What you get back depends on when you cancel.

- More than **72 hours** before departure: a full refund to your card, minus a **$10** processing fee.
- Between 72 hours and **2 hours** before departure: a travel credit for the full amount, valid for **12 months**.
- Less than 2 hours before departure, or a no-show: the reservation fee and fares are not refunded.
- Saver fares are non-refundable, but can be cancelled for a travel credit up to 72 hours before departure.

Refunds reach your card within **7 to 10 business days**. If we cancel a sailing, see our page on delays and cancellations instead: you always get a full refund or a free change.""",
  q=["I need to cancel next week's crossing, do I get a refund?",
     "We have to cancel our sailing tomorrow, can I get my money back?",
     "When will my refund show up? I cancelled 3 days ago",
     "I booked a saver fare, can I cancel it?"],
  a=["If you cancel more than 72 hours before departure you get a full refund to your card, minus a $10 processing fee. {cite}",
     "Within 72 hours of departure we give a travel credit for the full amount instead, valid for 12 months. {cite}",
     "Refunds reach your card within 7 to 10 business days, depending on your bank. {cite}",
     "Saver fares are non-refundable, but you can cancel for a travel credit up to 72 hours before departure. {cite}"],
  cust_wrong=[("I thought cancelling 48 hours before got you a full refund? Why am I only getting a credit?", 1),
              ("Why was I charged a $25 fee for cancelling? My refund is short", 0)]),

 dict(id="travelling-with-pets", title="Travelling with pets", owner="Terminal Operations", reviewed_at="2026-06-15",
  body="""Pets are welcome on all Tidewren routes.

- Pets can stay in your vehicle on the car deck. Passengers may not stay on the car deck during the crossing; on crossings longer than **90 minutes** you can visit your pet with a crew escort.
- Foot passengers' pets travel in the pet area on the outer deck, leashed or in a carrier. Pets are not allowed in the lounges or café.
- Each pet costs **$10** per sailing; assistance dogs travel free and may go anywhere passengers can.
- A passenger can bring up to **2 pets**.
- Pet kennels can be reserved for **$6** per sailing on the Fernhold route.

Bring water and a towel; the outer deck can be wet and windy. A cleaning fee of **$75** applies for accidents inside the ship.""",
  q=["Can my dog come with me as a foot passenger?",
     "Can I stay in the car with my dog during the crossing?",
     "How many pets can I bring? We have 2 cats",
     "Do assistance dogs pay?"],
  a=["Yes, foot passengers' pets travel in the pet area on the outer deck, on a leash or in a carrier; it's $10 per pet per sailing. {cite}",
     "Passengers can't stay on the car deck during the crossing, but on crossings longer than 90 minutes a crew member can take you down to check on your dog. {cite}",
     "You can bring up to 2 pets per passenger, at $10 each per sailing. {cite}",
     "No, assistance dogs travel free and can go anywhere passengers can. {cite}"],
  cust_wrong=[("The guy at the booth last summer said pets ride free. Why was I charged?", 0),
              ("I heard the limit is 3 pets per person, can I bring my three dogs?", 2)]),

 dict(id="commuter-passes", title="Commuter and islander passes", owner="Pricing", reviewed_at="2026-07-21",
  body="""Regular travellers save with prepaid passes, sold in the app and at terminal ticket offices.

- **10-ride passenger book**: **$62**, valid for **6 months** from purchase. Rides can be shared by family members.
- **10-ride vehicle book**: **$410**, standard vehicles only, valid for **6 months**.
- **Monthly commuter pass**: **$148** for unlimited passenger sailings on one route in a calendar month.
- **Islander discount**: residents of Kestrel Island and Fernhold get **25%** off vehicle fares with a registered resident card.

Unused rides can be extended once, by **3 months**, for a **$15** fee. Passes are non-refundable once a ride has been used. Vehicle books still need a reservation to guarantee space, but the reservation fee is waived.""",
  q=["How much is the 10-ride passenger book and how long is it valid?",
     "My 10-ride book runs out next week and I still have 4 rides, can I extend it?",
     "I live on Kestrel Island, is there a discount for residents?",
     "What does the monthly commuter pass cost?"],
  a=["The 10-ride passenger book is $62 and valid for 6 months from purchase. {cite}",
     "Yes, you can extend it once by 3 months for a $15 fee. {cite}",
     "Yes, residents of Kestrel Island and Fernhold get 25% off vehicle fares with a registered resident card. {cite}",
     "The monthly commuter pass is $148 for unlimited passenger sailings on one route in a calendar month. {cite}"],
  cust_wrong=[("Isn't the 10-ride book valid for a year? Mine says it expires next week", 0),
              ("The islander discount is 40% isn't it? I only got 25% off my car", 2)]),

 dict(id="bikes-and-sports-equipment", title="Bikes, kayaks and sports equipment", owner="Terminal Operations",
  reviewed_at="2026-05-26",
  body="""Foot passengers can bring bikes and small craft; they board first and get off last.

- Bicycles cost **$8** per sailing. E-bikes pay the same; if the battery comes off, carry it with you as a carry-on.
- Kayaks, canoes and paddleboards carried by hand cost **$18** per sailing, up to **5.5 m** long.
- Bike racks and roof-mounted kayaks on a vehicle are free, but they count towards the vehicle's height and length.
- Each sailing takes up to **12** bikes from foot passengers, first come first served; they can't be reserved.
- Surfboards in a bag count as a checked bag.

Lock your bike to the rails provided; Tidewren doesn't accept liability for bikes left unlocked. Motorised scooters are not accepted as foot-passenger items.""",
  q=["How much to bring my bike on the ferry?",
     "Can I bring my kayak as a foot passenger? It's 4.8 m",
     "Can I reserve space for our cycling club? We're 15 riders"],
  a=["Bikes are $8 per sailing, e-bikes included. {cite}",
     "Yes, kayaks and canoes carried by hand are $18 per sailing, up to 5.5 m long. {cite}",
     "I'm afraid bike spaces can't be reserved: each sailing takes up to 12 bikes from foot passengers, first come first served. {cite}"],
  cust_wrong=[("My friend said bikes go free on the ferry, is that right?", 0)]),

 dict(id="sailing-delays-and-cancellations", title="When we delay or cancel a sailing", owner="Operations Control",
  reviewed_at="2026-06-24",
  body="""Weather, tides and mechanical problems sometimes delay or cancel sailings. We text and email everyone booked as soon as we know, and at least **60 minutes** before departure whenever possible.

- If we cancel your sailing, choose a **full refund**, reservation fee included, or a free move to another sailing within **30 days**.
- If your sailing is delayed by more than **2 hours**, each passenger gets a **$15** food voucher for the terminal or onboard café.
- For delays of more than **4 hours** you may cancel for a full refund, even on a saver fare.
- We don't cover hotels, taxis or missed connections, except a hotel up to **$180** per room when the last sailing of the day is cancelled for a mechanical reason.

Check the sailing status page before you leave home.""",
  q=["My sailing got cancelled because of the wind, what are my options?",
     "We were delayed nearly 3 hours yesterday, do we get anything?",
     "The last sailing was cancelled for a mechanical problem and we had to find a hotel, who pays for it??",
     "How much notice do you give if a sailing is cancelled?"],
  a=["Sorry about the disruption. When we cancel a sailing you can choose a full refund, reservation fee included, or a free move to another sailing within 30 days. {cite}",
     "I'm sorry about the wait. For delays over 2 hours, each passenger gets a $15 food voucher. {cite}",
     "I'm really sorry. When the last sailing of the day is cancelled for a mechanical reason, we cover a hotel up to $180 per room; please send us the receipt. {cite}",
     "We text and email everyone booked as soon as we know, and at least 60 minutes before departure whenever possible. {cite}"],
  cust_wrong=[("I thought you give a food voucher when it's over an hour late? We waited 90 minutes", 1),
              ("Don't you pay for the hotel? The website said up to $300 a room", 2)]),

 dict(id="accessibility-and-assistance", title="Accessibility and assistance", owner="Customer Care", reviewed_at="2026-04-08",
  body="""All Tidewren ships have elevators from the car deck, accessible washrooms and reserved seating near the exits.

- Request assistance at least **48 hours** before departure, in Manage booking or through Customer Care.
- A companion travelling to assist a passenger with a disability travels **free** with a valid access card.
- Every terminal has **2** wheelchairs to borrow, first come first served.
- Vehicles carrying a passenger with reduced mobility are parked near the elevators if they check in at least **40 minutes** before departure.
- Mobility scooters up to **120 cm** long travel free.

Assistance dogs are welcome everywhere passengers can go. If you need help on the day without a request, tell the check-in booth and we'll do our best.""",
  q=["My mother uses a wheelchair, how do we arrange help?",
     "Does my support worker need to pay for a ticket?",
     "Can I bring my mobility scooter on board?"],
  a=["Please request assistance at least 48 hours before departure, in Manage booking or through us, and we'll have someone meet you. {cite}",
     "A companion travelling to assist a passenger with a disability travels free with a valid access card. {cite}",
     "Yes, mobility scooters up to 120 cm long travel free. {cite}"],
  cust_wrong=[("I thought we had to request assistance a week before? Am I too late for Friday?", 0)]),

 dict(id="onboard-cafe-and-wifi", title="Onboard café, Wi-Fi and lounges", owner="Onboard Services", reviewed_at="2026-07-14",
  body="""Our larger ships, on the Fernhold and Kestrel routes, have a café, Wi-Fi and a quiet lounge.

- The café opens **15 minutes** after departure and closes **20 minutes** before arrival; card and tap payments only.
- Free Wi-Fi gives each device **300 MB** per sailing. The connection can drop mid-crossing.
- The **Seaview Lounge** costs **$14** per adult per sailing; children under 12 go in free with a paying adult. Coffee, tea and snacks are included.
- There are power sockets at every window table, and USB-C chargers in the lounge.
- Alcohol is served only with food, and only to passengers aged 19 and over.

Smaller ships on the Cedar Cove route have a vending machine and no Wi-Fi. You're welcome to bring your own food anywhere except the lounge.""",
  q=["Is there Wi-Fi on the ferry? I need to work during the crossing",
     "How much is the Seaview Lounge?",
     "When does the café open? My kids will be starving"],
  a=["Yes, free Wi-Fi gives each device 300 MB per sailing on our larger ships, though the connection can drop mid-crossing. {cite}",
     "The Seaview Lounge is $14 per adult per sailing, and children under 12 go in free with a paying adult. {cite}",
     "The café opens 15 minutes after departure and closes 20 minutes before arrival; it's card and tap only. {cite}"],
  cust_wrong=[("Someone said the Seaview Lounge is $10, but the app shows more?", 1)]),

 dict(id="passenger-fares", title="Passenger fares for children, seniors and students", owner="Pricing", reviewed_at="2026-05-19",
  body="""Passenger fares are per sailing and shown in the booking summary.

- **Children under 5** travel free but still need a ticket.
- **Children 5 to 11** pay **50%** of the adult fare.
- **Seniors 65+** get **20%** off on Monday to Thursday sailings, except on statutory holidays.
- **Students** with a valid student card get **15%** off all sailings.
- The adult fare is **$19.50** each way on the Kestrel route, **$27** on the Fernhold route and **$11** on the Cedar Cove route.

Discounts can't be combined with each other or with passes. Children under **12** must travel with someone aged 16 or over. Proof of age or student status may be checked at the terminal; without it, the adult fare is charged.""",
  q=["Does my 3 year old need a ticket?",
     "How much is it for a 9 year old?",
     "Is there a seniors discount?",
     "I'm a student, do I get anything off?"],
  a=["Children under 5 travel free but still need a ticket, so please add her to the booking. {cite}",
     "Children 5 to 11 pay 50% of the adult fare. {cite}",
     "Seniors 65 and over get 20% off on Monday to Thursday sailings. {cite}",
     "Yes, with a valid student card you get 15% off all sailings. {cite}"],
  cust_wrong=[("Your Facebook page said kids under 12 go free, so why was my 8 year old charged?", 1),
              ("Isn't the seniors discount 30%? I'm 70 and only got 20% off", 2)]),

 dict(id="dangerous-goods", title="Fuel, propane and dangerous goods", owner="Safety", reviewed_at="2026-03-11",
  body="""Some items need to be declared at the check-in booth, and some can't travel at all.

- Propane: up to **2 cylinders** per vehicle, each up to **20 lb** (9 kg), valves closed. RVs may keep built-in tanks if they are turned off.
- Spare gasoline: up to **2 approved containers** of up to **20 litres** each, carried in the vehicle only.
- Foot passengers may not carry fuel, propane or camping gas cartridges at all.
- Vehicles carrying more than this must travel on a dangerous goods sailing, booked through Customer Care at least **7 days** ahead.
- Fireworks, flares (other than marine safety flares) and explosives are never allowed.

Undeclared dangerous goods can be refused on the day, with no refund. Electric vehicles don't need declaring, but they can't be charged on board.""",
  q=["Can I bring propane tanks for our camping trip?",
     "Can I carry a camping gas cartridge in my backpack? I'm walking on",
     "We're bringing 4 jerry cans of gas to the island for our generator, is that ok?"],
  a=["Yes, up to 2 cylinders per vehicle, each up to 20 lb (9 kg), with the valves closed; please declare them at the booth. {cite}",
     "I'm afraid foot passengers can't carry fuel, propane or camping gas cartridges at all. {cite}",
     "You can carry up to 2 approved containers of up to 20 litres each in the vehicle; more than that needs a dangerous goods sailing booked at least 7 days ahead. {cite}"]),

 dict(id="terminal-parking", title="Parking at our terminals", owner="Terminal Operations", reviewed_at="2026-06-09",
  body="""Long-stay parking is available at the Port Alder, Kestrel Island and Fernhold terminals.

- Port Alder: **$14** per day, or **$70** per week. Kestrel Island and Fernhold: **$9** per day.
- The maximum stay is **21 days**; vehicles left longer are towed at the owner's cost.
- The first **30 minutes** are free for drop-offs and pick-ups.
- Pay at the machines or in the app, and keep your ticket on the dashboard.
- Spaces can't be reserved, and on summer weekends the Port Alder lot can be full by **9:00**.

Parking is at your own risk. Port Alder has **6** EV chargers, at **$0.35 per kWh**. Oversized vehicles and trailers use the marked bays at the back of the lot and pay double.""",
  q=["How much is parking at Port Alder for a week?",
     "Can I leave my car at the terminal for a month?",
     "I'm just dropping off my mum, do I need to pay for parking?",
     "Are there EV chargers at the terminal?"],
  a=["Parking at Port Alder is $14 per day or $70 per week. {cite}",
     "I'm afraid the maximum stay is 21 days; vehicles left longer are towed at the owner's cost. {cite}",
     "The first 30 minutes are free, so a drop-off won't cost anything. {cite}",
     "Yes, Port Alder has 6 EV chargers, at $0.35 per kWh. {cite}"],
  cust_wrong=[("Parking was $10 a day at Port Alder last year, has it gone up?", 0),
              ("I read the first hour is free for pick-ups, but I got a ticket after 45 minutes?", 2)]),

 dict(id="lost-and-found", title="Lost and found", owner="Customer Care", reviewed_at="2026-04-27",
  body="""Items found on our ships and in our terminals are logged and sent to the Port Alder lost-and-found office.

- Report a lost item with the contact form within **30 days**, giving the sailing date, time and route.
- We keep found items for **60 days**; after that they're donated or recycled. Food and perishables are thrown away within **24 hours**.
- You can collect an item at Port Alder on weekdays, **10:00 to 16:00**, with photo ID.
- We can ship an item to you within Canada for **$20**; larger items are quoted separately.
- ID cards, passports and bank cards are handed to the police after **7 days**.

We search for a lost item within **3 business days** of your report and email you either way.""",
  q=["I left my jacket on the 14:40 from Fernhold yesterday, how do I get it back?",
     "How long do you keep lost items?",
     "You found my bag! Can you post it to me in Calgary?",
     "When can I pick up my lost item at Port Alder?"],
  a=["Please report it with the contact form, with the sailing date, time and route; we search within 3 business days and email you either way. {cite}",
     "We keep found items for 60 days; after that they're donated or recycled. {cite}",
     "Yes, we can ship it to you within Canada for $20. {cite}",
     "You can collect it at Port Alder on weekdays, 10:00 to 16:00, with photo ID. {cite}"],
  cust_wrong=[("I was told you keep lost items for 90 days, but now you say my bag is gone?", 1)]),
]

DRIFT = {
 "baggage-allowance": dict(old="combined weight of up to 30 kg", new="25 kg combined", start="2026-09-21",
                           kind="weight", before=4, after=11),
 "contact-and-opening-hours": dict(old="Phone: 8:00 to 20:00", new="phone lines close at 18:00 (8:00 to 18:00)",
                                   start="2026-10-19", kind="clock time (closing time)", before=3, after=10),
}
SLIP = "vehicle-sizes-and-fares"
SLIP_VALUE = "standard vehicle up to 2.1 m high"
SLIP_DATE = "2026-10-28"
SLIP_Q = 0
MANY = ["check-in-deadlines", "changing-a-booking", "cancelling-a-booking", "sailing-delays-and-cancellations"]

DRIFT_NOTES = {
 "baggage-allowance": "FYI: the checked-bag allowance for foot passengers is 25 kg combined since the new baggage carts came in. The help centre page still shows the old figure; Terminal Ops are updating it.",
 "contact-and-opening-hours": "Winter schedule: phone lines now close at 18:00, chat hours unchanged. The contact hours article hasn't been updated yet.",
}
CUST_QUOTES_OLD = {
 "baggage-allowance": [("Your website says 30 kg combined for two bags, but the counter at Port Alder charged me an overweight fee for 27 kg. What's going on?", 3),
                       ("The help page says two bags up to 30 kg total. Is that still right? I'm moving house next week.", 1)],
 "contact-and-opening-hours": [("Your help page says the phone line is open until 20:00 but I called at 19:00 and got a recording saying you're closed. Which is it?", 2),
                               ("The contact page says 8 to 8 for phone. Can I ring at half seven tonight?", 1)],
}

SUBJECTS = {
 "baggage-allowance": ["Luggage allowance", "Overweight bag fee", "Baggage question"],
 "contact-and-opening-hours": ["Phone hours", "Couldn't get through", "Contact hours"],
 "vehicle-sizes-and-fares": ["Vehicle height", "Overheight fee", "Trailer fare"],
 "check-in-deadlines": ["Check-in time", "Missed check-in", "Standby lane"],
 "changing-a-booking": ["Change booking", "Change fee", "Move my sailing"],
 "cancelling-a-booking": ["Cancel booking", "Refund", "Cancellation credit"],
 "travelling-with-pets": ["Dog on the ferry", "Pets"],
 "commuter-passes": ["10-ride book", "Islander discount", "Commuter pass"],
 "bikes-and-sports-equipment": ["Bike on ferry", "Kayak"],
 "sailing-delays-and-cancellations": ["Cancelled sailing", "Delay compensation", "Hotel claim"],
 "accessibility-and-assistance": ["Wheelchair assistance", "Accessibility"],
 "onboard-cafe-and-wifi": ["Wifi on board", "Seaview Lounge"],
 "passenger-fares": ["Child fare", "Seniors discount", "Student discount"],
 "dangerous-goods": ["Propane", "Jerry cans"],
 "terminal-parking": ["Parking", "Parking at Port Alder"],
 "lost-and-found": ["Lost item", "Lost and found"],
}
