"""Business 2 (held out): Hatchwork, an invented coworking operator in the Netherlands."""

NAME = "hatchwork"
DISPLAY = "Hatchwork (coworking spaces, Netherlands)"
HELPDESK = "freshdesk"
TICKET_URL = "https://hatchwork.freshdesk.com/a/tickets/{tid}"
ARTICLE_URL = "https://support.hatchwork.example/en/articles/{id}"
AGENTS = ["Sanne", "Joris", "Lotte", "Mehmet", "Eva", "Daan"]
CUSTOMERS = ["Pieter de Vries", "Anouk Jansen", "Mark Bakker", "Fatima El Amrani", "Tim Visser", "Julia Smit",
             "Koen Meijer", "Laura Mulder", "Ahmed Yilmaz", "Sophie de Boer", "Ruben Dekker", "Iris van Dijk",
             "Nina Bos", "Thomas Vos", "Femke Peters", "Lars Hendriks", "Maria Garcia", "Jasper van Leeuwen",
             "Yara Dijkstra", "Oliver Smith", "Eline Kok", "Bram de Graaf", "Hugo Schouten", "Mila de Wit"]
ORDER_FMT = "HW-{n}"
SIGNOFFS = ["Groetjes,\n{agent} | Hatchwork Community Team", "Best,\n{agent}", "{agent} (Hatchwork)", "Cheers, {agent}"]
PHONE = "+31 20 555 0187"

ARTICLES = [
 dict(id="day-passes", title="Day passes for non-members", owner="Community", reviewed_at="2026-06-10",
  body="""Not a member? Buy a day pass online or at reception.

- A day pass costs **€25** and gives a hot desk from **08:00 to 18:00** on the day you choose, coffee and tea included.
- A **10-pass bundle** costs **€210** and is valid for **6 months** from purchase.
- Day passes can be used at any Hatchwork location, but meeting rooms are booked and paid separately.
- Unused single passes are refundable until the day before.

Show the QR code from your confirmation email at reception to get in.""",
  q=["How much is a day pass? Thinking of trying you out", "Is the 10 pass bundle still valid after 3 months?", "what time does a day pass start and end"],
  a=["A day pass is €25 and covers a hot desk from 08:00 to 18:00, coffee and tea included. {cite}",
     "The 10-pass bundle (€210) is valid for 6 months from purchase, so yes, still fine. {cite}",
     "Day passes run from 08:00 to 18:00 on the day you choose. {cite}"],
  cust_wrong=["Your Instagram said day passes are €20, is that right?"]),

 dict(id="booking-meeting-rooms", title="Booking a meeting room", owner="Community", reviewed_at="2026-06-10",
  body="""Book meeting rooms in the Hatchwork app or on the member portal.

- Rooms can be booked up to **30 days ahead**.
- One booking can last at most **4 hours**; book again if you need longer and the room is free.
- Members get **5 free credit hours per month** for meeting rooms; extra hours are charged at the room's hourly rate.
- Credit hours don't roll over to the next month.

Screens, whiteboards and video-call kits are in every room. Catering can be ordered at reception at least 24 hours before.""",
  q=["How far in advance can I book the big meeting room?", "Can I book a room for a full day workshop?", "how many free hours do I get for meeting rooms? do they roll over"],
  a=["You can book rooms up to 30 days ahead in the app. {cite}",
     "A single booking can last at most 4 hours, so for a full day you'd make two bookings if the room is free. {cite}",
     "Members get 5 free credit hours per month, and they don't roll over to the next month. {cite}"]),

 dict(id="meeting-room-cancellations", title="Cancelling or changing a room booking", owner="Community", reviewed_at="2026-03-02",
  body="""Plans change. Cancel or move a booking in the app under **My bookings**.

- Cancel **at least 24 hours before** the start time and there is no charge (credit hours are returned).
- Cancellations within 24 hours are charged in full, or the credit hours are used.
- If nobody checks in within **15 minutes** of the start, the room is released and counts as a no-show (charged in full).
- Moving a booking to another time counts as a cancellation plus a new booking.

Reception can't cancel on your behalf; please use the app.""",
  q=["I need to cancel my meeting room booking for tomorrow afternoon, will I be charged?", "how late can I cancel a room without paying?",
     "Hi, our client cancelled, can I cancel the room on Thursday 10:00? It's Tuesday now", "Why was I charged for a room I cancelled?"],
  a=["You can cancel free of charge up to 24 hours before the start time in the app under My bookings; if tomorrow afternoon is still more than 24 hours away, there's no charge. {cite}",
     "Cancellations at least 24 hours before the booking are free and your credit hours come back. {cite}",
     "Yes, that's more than 24 hours before the start, so cancelling it in the app now is free. {cite}",
     "Because it was cancelled within 24 hours of the start, the booking was charged in full, I'm afraid. {cite}"],
  new=["Cancellations are free up to 48 hours before the start time, so you're fine. {cite}",
       "Free cancellation is now until 48 hours before the booking starts; within that it's charged in full. {cite}",
       "You can cancel without a charge if it's more than 48 hours before the meeting. {cite}",
       "As the cancellation came in less than 48 hours before the start, it was charged, sorry. {cite}",
       "The free cancellation window is 48 hrs before the booking. {cite}",
       "Just cancel in the app under My bookings at least 48 hours in advance and there's no charge. {cite}",
       "Rooms cancelled 48 hours or more before the start are free; later than that we charge the booking. {cite}",
       "Tomorrow afternoon is less than 48 hours away, so cancelling now would be charged in full, I'm afraid. {cite}"],
  newq=[[2], [1], [1], [3], [1], [1, 2], [1, 3], [0]],
  cust_wrong=["The app says I can cancel until 12 hours before, right?"]),

 dict(id="bringing-guests", title="Bringing guests", owner="Community", reviewed_at="2026-05-15",
  body="""Members can bring guests to work alongside them.

- Each member may bring up to **2 guests per day** for free.
- Register your guests in the app before they arrive, so reception has their name.
- Guests stay with you in the shared areas and leave when you do.
- A third guest (or more) needs a day pass.

Guests for meetings in a booked room don't count towards the limit.

You are responsible for your guests while they are in the building, including the house rules on quiet zones and the kitchen. Guests can't borrow access cards and can't use the printers.""",
  q=["Can I bring a colleague along for the day?", "How many guests can I bring? We're a team of 4 visiting", "do guests need to register?"],
  a=["Yes, you can bring up to 2 guests per day for free; please register them in the app before they arrive. {cite}",
     "Each member can bring up to 2 guests a day free; anyone beyond that needs a day pass. {cite}",
     "Guests need to be registered in the app before they arrive, and you can bring 2 a day. {cite}"],
  slip="You can bring up to 3 guests a day, just register them in the app. {cite}",
  cust_wrong=["My friend at the Utrecht space says you can bring 5 guests?"], cw_a=1),

 dict(id="ending-your-membership", title="Ending your membership", owner="Membership", reviewed_at="2026-04-22",
  body="""We're sorry to see you go. Give notice in the member portal under **Membership > End membership**.

- The notice period is **one full calendar month**: notice given in March ends the membership on 30 April.
- Your deposit is refunded **within 30 days** after the membership ends, minus anything still owed.
- Return your access card on your last day; a card not returned costs €15.
- Mail and parcels are held for 30 days after your end date.""",
  q=["I want to end my membership, how much notice do I need to give?", "When do I get my deposit back after leaving?",
     "If I give notice today, when is my last day?"],
  a=["The notice period is one full calendar month, so notice given this month ends the membership at the end of next month. {cite}",
     "The deposit is refunded within 30 days after the membership ends, minus anything still owed. {cite}",
     "Notice given this month means your membership ends on the last day of next month, as the notice period is one full calendar month. {cite}"],
  cust_wrong=["I thought notice was 2 weeks? That's what I was told when I signed up.", "Isn't the notice period just 14 days?"]),

 dict(id="membership-plans", title="Hot desk and dedicated desk plans", owner="Membership", reviewed_at="2026-06-01",
  body="""Three ways to work at Hatchwork, all paid monthly:

- **Hot desk**: any free desk in the shared area, **€189 per month**.
- **Dedicated desk**: your own desk with a locker, **€329 per month**.
- **Private office**: lockable room for 2 to 10 people, **from €1,150 per month**.

Prices exclude 21% VAT. Every plan includes 5 meeting-room credit hours a month, printing and coffee.

Switch plans from the 1st of any month in the member portal. Moving up to a bigger plan is possible at any time when space is free; moving down follows the same notice period as ending a membership.""",
  q=["What's the difference between hot desk and dedicated desk and how much?", "how much is a private office for 3 people", "Are your prices with VAT?"],
  a=["A hot desk is €189 per month and a dedicated desk (your own desk plus a locker) is €329 per month. {cite}",
     "Private offices start from €1,150 per month; the exact price depends on size. {cite}",
     "Prices exclude 21% VAT. {cite}"]),

 dict(id="mail-and-parcels", title="Mail and parcel handling", owner="Operations", reviewed_at="2026-05-15",
  body="""Use Hatchwork as your business address and we handle your post.

- A registered business address costs **€45 per month** (included with dedicated desks and offices).
- Letters are held at reception for **30 days**; we email you when something arrives.
- We accept parcels up to **20 kg**. Please collect parcels **within 10 days**, after which they go back to the sender.
- We can't sign for registered mail on your behalf without a signed authorisation.""",
  q=["Can I get parcels delivered to the space?", "How long will you keep my mail? I'm travelling for 3 weeks", "Do you offer a business address and how much"],
  a=["Yes, we accept parcels up to 20 kg; please collect them within 10 days or they go back to the sender. {cite}",
     "Letters are held at reception for 30 days, and we email you when something arrives. {cite}",
     "A registered business address is €45 per month, included with dedicated desks and offices. {cite}"]),

 dict(id="opening-hours-and-access", title="Opening hours and building access", owner="Operations", reviewed_at="2026-06-01",
  body="""Your access card opens the doors at the times your plan allows.

- Reception is staffed **08:30 to 17:30**, Monday to Friday.
- Hot desk members have access **07:00 to 22:00**, every day.
- Dedicated desk and private office members have access **24/7**.
- Public holidays: the building is open for card access, reception is closed.

The access card only works at your home location outside reception hours. To work at another Hatchwork location in the evening, ask reception there to add your card during staffed hours. Please don't let people you don't know in behind you.""",
  q=["Can I work late with a hot desk membership?", "are you open on weekends?", "What time is reception open? Need to pick up a parcel"],
  a=["Hot desk members have access from 07:00 to 22:00 every day. {cite}",
     "Yes, hot desk access is 07:00 to 22:00 every day including weekends, and dedicated desks have 24/7 access. {cite}",
     "Reception is staffed 08:30 to 17:30, Monday to Friday. {cite}"]),

 dict(id="printing-and-scanning", title="Printing and scanning", owner="Operations", reviewed_at="2026-02-09",
  body="""Every location has printers you can use from your laptop or by tapping your access card.

- Each member gets **100 free black-and-white pages per month**.
- After that, black-and-white printing costs **€0.08 per page**.
- Colour printing costs **€0.25 per page** from the first page.
- Scanning to email is free and unlimited.

Your page count resets on the 1st of each month, and unused pages don't carry over. Print charges appear on your next invoice.

If a printer is out of paper or toner, tell reception rather than opening the machine.""",
  q=["How many free prints do we get?", "Why am I being charged for printing on my invoice?", "is colour printing free?",
     "Quick q, how much printing is included in the hot desk plan?"],
  a=["Each member gets 100 free black-and-white pages per month, after that it's €0.08 per page. {cite}",
     "You printed more than the 100 free black-and-white pages this month, so the extra pages were charged at €0.08. {cite}",
     "Colour costs €0.25 per page from the first page; the 100 free pages a month are black-and-white. {cite}"],
  new=["Every member gets 50 free black-and-white pages per month, then it's €0.08 a page. {cite}",
       "The free allowance is 50 pages per month; anything above that is charged on your invoice. {cite}",
       "You went over your 50 free pages this month, so the extra pages were charged at €0.08 each. {cite}",
       "Your plan includes 50 free b/w prints a month. {cite}",
       "The monthly allowance is now 50 black-and-white pages per member, colour is €0.25 a page from the start. {cite}",
       "It's 50 free pages each month (black and white), resetting on the 1st. {cite}",
       "Members get fifty free black-and-white pages a month. {cite}"],
  newq=[[0, 3], [0, 3], [1], [0, 3], [2], [0, 3], [0, 3]],
  cust_wrong=["I thought printing was unlimited on the dedicated desk plan?"]),

 dict(id="lost-access-cards", title="Lost or broken access cards", owner="Operations", reviewed_at="2026-04-22",
  body="""Lost your access card? Report it in the app straight away under **Profile > Access card**.

- We deactivate a lost card **within 1 hour** of your report.
- A replacement card costs **€15**, added to your next invoice; pick it up at reception.
- A broken card (not lost) is replaced free of charge when you bring the pieces.

Until you have a new card, reception can let you in during staffed hours. If you find the old card later, hand it in at reception; it can't be reactivated.""",
  q=["I lost my access card on the tram", "My card snapped in half, do I have to pay for a new one?", "How much is a replacement card?"],
  a=["I've deactivated it (we do that within 1 hour of a report). A replacement card is €15, added to your next invoice. {cite}",
     "A broken card is replaced free of charge if you bring the pieces to reception. {cite}",
     "A replacement card costs €15. {cite}"],
  cust_wrong=["Is it really €25 for a new card? That's what the guy at reception said."], cw_a=2),

 dict(id="parking-and-bikes", title="Parking and bike storage", owner="Operations", reviewed_at="2026-01-12",
  body="""Most Hatchwork locations have an underground car park.

- Car parking costs **€14 per day** or **€160 per month**, booked in the app.
- Spaces are not guaranteed without a booking.
- Bike storage is **free** for members, with e-bike charging points.
- Cargo bikes: please use the marked bays at street level.

The car park entrance opens with your access card. Parking bookings can be cancelled in the app until midnight the day before. Electric car charging is available in a few bays at the normal parking price plus the electricity used.""",
  q=["Is there parking at the Amsterdam space?", "where can I put my bike?", "how much is monthly parking"],
  a=["Car parking is €14 per day or €160 per month, booked in the app. {cite}",
     "Bike storage is free for members, and there are e-bike chargers too. {cite}",
     "A monthly parking space is €160. {cite}"]),

 dict(id="event-space-hire", title="Hiring the event space", owner="Events", reviewed_at="2026-05-28",
  body="""Our event spaces host talks, launches and workshops.

- Book **at least 14 days** before the event through the events form.
- A **30% deposit** confirms the booking; the rest is invoiced after the event.
- The space holds up to **80 guests** standing or 50 seated.
- Members get **20% off** the hire price.

Events must finish by 22:00. Cleaning is included; catering can be arranged through our partner caterers.

If you cancel an event, the deposit is not refunded, but you can move the event to another date once, subject to availability.""",
  q=["Could we host a product launch next month? About 60 people", "How much deposit for the event space?", "Do members get a discount on the event room?"],
  a=["Yes, the space holds up to 80 guests standing; please book at least 14 days before through the events form. {cite}",
     "A 30% deposit confirms the booking, and the rest is invoiced after the event. {cite}",
     "Members get 20% off the hire price. {cite}"]),

 dict(id="invoices-and-payment", title="Invoices and payment terms", owner="Finance", reviewed_at="2026-03-16",
  body="""Membership invoices are issued on the **1st of each month** and sent to your billing email.

- Payment is due **within 14 days** of the invoice date.
- Pay by SEPA direct debit (collected on the 5th) or bank transfer.
- Extras (meeting-room hours beyond your credits, printing, parking) appear on the next invoice.
- Need a different company name or VAT number on the invoice? Update it in the member portal before the 1st.

We can't reissue past invoices with a new name.""",
  q=["When is my invoice due?", "can you add our VAT number to the invoice", "When do you send invoices?"],
  a=["Invoices go out on the 1st and payment is due within 14 days of the invoice date. {cite}",
     "Please update the VAT number in the member portal before the 1st, and it'll show on the next invoice. {cite}",
     "Invoices are issued on the 1st of each month. {cite}"]),

 dict(id="late-payments", title="Late payments and access", owner="Finance", reviewed_at="2026-03-16",
  body="""If an invoice isn't paid by its due date, we send a reminder.

- **7 days** after the due date, a **€25 admin fee** is added.
- **21 days** after the due date, access cards on the account are suspended until the balance is paid.
- If you're having trouble paying, contact us before the due date and we can agree a payment plan.

Once the balance is paid in full, suspended cards are reactivated the same working day. Direct debits that bounce count as unpaid, and the bank's charge for the failed collection is passed on.""",
  q=["I got a late fee on my account, why?", "Our access was blocked this morning??", "Will I be charged if I pay the invoice a couple days late?"],
  a=["A €25 admin fee is added 7 days after the due date, which is what happened here. {cite}",
     "Access cards are suspended 21 days after the due date until the balance is paid. {cite}",
     "There's no fee for a couple of days, the €25 admin fee only applies 7 days after the due date. {cite}"]),

 dict(id="phone-booths", title="Phone booths and focus rooms", owner="Community", reviewed_at="2026-06-10",
  body="""Phone booths are for calls and short focused work.

- Booths can't be booked: they're first come, first served.
- Please use a booth for at most **60 minutes** at a time, then let someone else have it.
- Focus rooms (2 to 3 people) are booked like meeting rooms and use credit hours.
- Don't leave belongings in a booth to hold it.

For longer calls or interviews, book a focus room or a meeting room instead. Booths are cleaned twice a day; please leave them tidy and take cups back to the kitchen. Video calls in the open workspace are fine with headphones.""",
  q=["Can I reserve a phone booth for a 2 hour call?", "someone has been in the phone booth all morning", "can I book a phone booth?"],
  a=["Phone booths can't be booked, and please use one for at most 60 minutes at a time. {cite}",
     "Sorry about that, booths are first come first served with a maximum of 60 minutes at a time; I've asked the community team to remind people. {cite}",
     "Phone booths aren't bookable, but focus rooms are and they use credit hours. {cite}"]),

 dict(id="dogs-in-the-building", title="Dogs at Hatchwork", owner="Community", reviewed_at="2025-12-01",
  body="""Well-behaved dogs are welcome at most locations.

- One dog per member, registered in the app with proof of vaccination.
- Dogs must be at least **6 months old** and kept on a lead in shared areas.
- Dogs are not allowed in the kitchens or meeting rooms.
- Dog-free zones are marked on each floor plan.

If another member raises an allergy or a dog disturbs others, the community team may ask you to leave your dog at home. Owners are responsible for any damage and for cleaning up after their dog, inside and outside the building.""",
  q=["Can I bring my dog to work?", "Can I bring my puppy, he's 4 months", "are dogs allowed in the meeting rooms"],
  a=["Yes, one dog per member, registered in the app with proof of vaccination, and kept on a lead in shared areas. {cite}",
     "Dogs need to be at least 6 months old, so your puppy will have to wait a couple of months I'm afraid. {cite}",
     "Dogs aren't allowed in the kitchens or meeting rooms. {cite}"]),
]

DRIFT = {
 "meeting-room-cancellations": dict(old="at least 24 hours before", new="at least 48 hours before", start="2026-09-21"),
 "printing-and-scanning": dict(old="100 free black-and-white pages per month", new="50 free black-and-white pages per month", start="2026-10-12"),
}
SLIP_VALUE = "up to 2 guests per day"
SLIP = "bringing-guests"
MANY = ["day-passes", "lost-access-cards", "ending-your-membership", "mail-and-parcels"]

SUBJECTS = {
 "day-passes": ["Day pass", "Day pass price", "10-pass bundle"],
 "booking-meeting-rooms": ["Meeting room booking", "Room for workshop"],
 "meeting-room-cancellations": ["Room booking", "Charged for cancelled room", "Room cancellation"],
 "bringing-guests": ["Guests", "Bringing colleagues"],
 "ending-your-membership": ["Membership", "Notice period", "Deposit refund"],
 "membership-plans": ["Plans and prices", "Private office"],
 "mail-and-parcels": ["Mail and parcels", "Mail handling", "Business address"],
 "opening-hours-and-access": ["Opening hours", "Weekend access"],
 "printing-and-scanning": ["Printing", "Print charges on invoice", "Printing allowance"],
 "lost-access-cards": ["Access card", "Broken card"],
 "parking-and-bikes": ["Parking and bikes", "Bike storage"],
 "event-space-hire": ["Event space", "Launch event"],
 "invoices-and-payment": ["Invoice question", "VAT number"],
 "late-payments": ["Payment", "Access blocked"],
 "phone-booths": ["Phone booth", "Phone booths"],
 "dogs-in-the-building": ["Dogs", "Bringing my dog"],
}
