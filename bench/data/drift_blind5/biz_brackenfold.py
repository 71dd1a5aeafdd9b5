"""The business of drift_blind5: Brackenfold Vets, an invented UK network of five veterinary practices (GBP).

Hand-written material: articles, customer questions with aligned agent answers, the drifting
new-value wordings, the slip, and questions where the customer states a wrong value.
"""

NAME = "brackenfold"
DISPLAY = "Brackenfold Vets (veterinary practice network, UK)"
HELPDESK = "freshdesk"
TICKET_URL = "https://brackenfold.freshdesk.com/a/tickets/{tid}"
ARTICLE_URL = "https://help.brackenfold.example/uk/articles/{id}"
AGENTS = ["Siobhan", "Tomasz", "Aisha", "Rhys", "Gemma", "Kwame", "Fenella"]
CUSTOMERS = ["Hannah Whitlock", "Darren Oyelaran", "Megan Pryce", "Callum Fairbairn", "Priya Chauhan", "Joe Atherton",
             "Niamh Gallagher", "Stuart Lumb", "Amira Haddad", "Rebecca Thwaite", "Owen Llewellyn", "Chloe Marsden",
             "Imran Butt", "Lucy Ashworth", "Ewan McAllister", "Sophie Brennan", "Gareth Pugh", "Zainab Okafor",
             "Katie Holroyd", "Martin Szabo", "Ellie Garside", "Nathan Ridley", "Fiona Carmichael", "Dev Mistry"]
PETS = ["Biscuit", "Luna", "Rufus", "Pepper", "Bramble", "Alfie", "Tilly", "Mochi", "Winston", "Poppy", "Ziggy", "Hazel"]
ORDER_FMT = "BV-{n}"
SIGNOFFS = ["{agent}, Brackenfold Client Care", "Best wishes,\n{agent}", "Thanks,\n{agent} at Brackenfold",
            "{agent}", "Kind regards,\n{agent} | Brackenfold Vets"]
PHONE = "0113 496 0452"
SITES = ["Millbeck", "Ousebridge", "Thornley", "Calder Bank", "Harrowgate Road"]
BAD_WORDS = ("charged", "why", "??", "missing", "gone missing", "sick", "refund", "late", "overdue", "not ready",
             "isn't ready", "still isn't", "shock", "won't")

ARTICLES = [
 dict(id="repeat-prescriptions", title="Repeat prescriptions", owner="Pharmacy", reviewed_at="2026-05-14",
  body="""If your pet is on long-term medication, you can order repeats without booking a consultation, as long as a vet has examined your pet recently.

- Order in the Brackenfold app, online or by phone. Repeat prescriptions are ready to collect within **48 hours**.
- Each pet on ongoing medication needs a medication review with a vet every **6 months**; the review costs **£32**.
- We can post medicines to you for **£4.95**; they arrive within **2 working days** of being ready.
- A written prescription, to buy medicines elsewhere, costs **£18.50** per item and is valid for **6 months**.
- Controlled drugs must be collected in person by someone aged **18** or over.

Unopened, unused medicines can't be returned or refunded, for safety reasons. Please order when you have about a week's supply left, and tell us if the dose has changed.""",
  q=["How long does a repeat prescription take? My dog's running low on his arthritis tablets",
     "I ordered Bella's thyroid tablets on the app this morning, when can I pick them up?",
     "Can you post my cat's medication instead of me coming in to collect it?",
     "I ordered a repeat prescription yesterday and it still isn't ready, why??"],
  a=["Repeat prescriptions are ready to collect within 48 hours of ordering, so please order when you have about a week's supply left. {cite}",
     "Repeats are ready to collect within 48 hours, so Bella's tablets will be waiting for you at the practice by then. {cite}",
     "Yes, we can post it for £4.95: the prescription is ready within 48 hours and then arrives within 2 working days. {cite}",
     "Sorry about that. Repeat prescriptions can take up to 48 hours to be ready; I've asked the dispensary to check on yours. {cite}"],
  new=["Repeat prescriptions are ready to collect within 72 hours of ordering, so please order when you have about a week's supply left. {cite}",
       "Please allow 72 hours for the repeat to be ready; Bella's tablets will be at the practice by then. {cite}",
       "Yes, we post medicines for £4.95: allow three days for the prescription to be ready, then 2 working days in the post. {cite}",
       "Sorry about that. Repeats now take up to 72 hrs, so it may not be ready yet; I've asked the dispensary to check on yours. {cite}",
       "Our dispensary needs seventy-two hours to prepare a repeat, so order when there's about a week's supply left. {cite}",
       "It's 72 hours from ordering to collection for repeats. {cite}",
       "Allow up to 3 days (72 hours) for a repeat prescription to be ready to collect. {cite}",
       "We've had to extend the turnaround for repeats to 72 hours, so please order a little earlier than before. {cite}"],
  newq=[[0], [1], [2], [3], [0], [0, 1], [0, 1], [0, 3]],
  before_q=[0, 1, 2, 3]),

 dict(id="pet-health-plan", title="The Pet Health Plan", owner="Client Services", reviewed_at="2026-06-08",
  body="""The Pet Health Plan spreads the cost of your pet's routine care into monthly payments.

- **Cats**: **£14.50** per month. **Dogs**: **£17.95** per month; dogs over **25 kg** pay **£21.95**.
- Includes your pet's annual booster vaccination and health check, and flea and worm treatment posted every **3 months**.
- Up to **6** nurse clinic appointments a year (weight checks, nail clips, anal glands, post-op checks).
- **10%** off all other treatment, medicines and food at any Brackenfold practice.
- The plan runs for a minimum of **12 months**; after that you can cancel with **1 month's** notice.

Payments are by direct debit only, on the 1st of each month. If you join part-way through a month, the first payment is taken pro rata. The plan isn't insurance and doesn't pay for illness or accidents, so we still recommend pet insurance alongside it.""",
  q=["What's included in the health plan?",
     "How many nurse appointments do I get on the plan? I want Milo's nails done regularly",
     "Is the pet health plan worth it for a cat? How much is it?",
     "Can I cancel the health plan? We joined 5 months ago"],
  a=["The plan includes the annual booster and health check, flea and worm treatment every 3 months, up to 6 nurse clinic appointments a year and 10% off other treatment. {cite}",
     "You get up to 6 nurse clinic appointments a year on the plan, and nail clips count as one of them. {cite}",
     "For cats it's £14.50 per month, which covers the booster, flea and worm treatment, 6 nurse clinic appointments a year and 10% off everything else. {cite}",
     "The plan has a minimum term of 12 months; after that you can cancel with 1 month's notice. {cite}"],
  new=["The plan includes the annual booster and health check, flea and worm treatment every 3 months, 4 nurse clinic appointments a year and 10% off other treatment. {cite}",
       "You get four nurse appointments a year on the plan; nail clips count as one. {cite}",
       "Cats are £14.50 per month, which covers the booster, flea and worm treatment, up to 4 nurse clinics a year and 10% off everything else. {cite}",
       "Nurse clinics on the plan: 4 per year (weight checks, nail clips, post-op checks). {cite}",
       "The plan gives you 4 free nurse visits each year, plus the booster and regular flea and worm treatment. {cite}",
       "Up to four nurse clinic appointments a year are included, so Milo's nails can be done every few months. {cite}",
       "It's 4 nurse appointments per plan year now, on top of the annual health check. {cite}",
       "You can use the nurse clinic 4 times a year on the plan; after that, nurse appointments still get your 10% plan discount. {cite}"],
  newq=[[0], [1], [2], [1, 0], [0, 2], [1], [1, 0], [1]],
  before_q=[0, 1, 2]),

 dict(id="home-visits", title="Home visits", owner="Clinical Operations", reviewed_at="2026-07-02",
  body="""If your pet can't easily travel, one of our vets can come to you.

- We visit homes within **10 miles** of any Brackenfold practice.
- Home visits run Monday to Friday, **10:00 to 16:00**, and must be booked at least **24 hours** ahead.
- The call-out fee is **£75**, plus the usual consultation and treatment costs. Each extra pet at the same address is **£20**.
- A nurse visit for injections or dressings costs **£45**.
- Home euthanasia can be arranged at short notice, including Saturdays from **9:00 to 12:00**.

We can't do surgery, X-rays or blood tests that need the lab at home; if your pet needs them, we'll arrange transport to the practice. Please keep other pets in another room during the visit, and have a table or a clear patch of floor ready.""",
  q=["Do you do home visits? We're in Hollins Cross, about 8 miles from the Thornley practice",
     "How far do your vets travel for a home visit?",
     "My old dog can't get in the car anymore, can a vet come to the house and what does it cost?",
     "Can a nurse come and give my cat his insulin injection at home?"],
  a=["Yes, we visit homes within 10 miles of any of our practices, so Hollins Cross is covered; the call-out fee is £75. {cite}",
     "Our vets visit homes within 10 miles of any Brackenfold practice. {cite}",
     "Yes, a vet can come to you if you're within 10 miles of one of our practices; the call-out fee is £75 plus the usual consultation costs. {cite}",
     "Yes, a nurse visit for injections is £45, as long as you're within 10 miles of a practice. {cite}"],
  new=["I'm afraid we now only visit homes within 7 miles of a practice, so Hollins Cross is just outside our area. {cite}",
       "Our vets cover homes within seven miles of any Brackenfold practice. {cite}",
       "Yes, as long as you're within 7 miles of one of our practices; the call-out fee is £75 plus the usual consultation costs. {cite}",
       "A nurse visit for injections is £45, within a 7-mile radius of a practice. {cite}",
       "Home visits cover a 7 mile radius from each practice, Monday to Friday 10:00 to 16:00. {cite}",
       "We go up to 7 miles from the practice for home visits. {cite}",
       "The home visit area is now seven miles around each practice (it used to be wider). {cite}",
       "Yes, we can come out to you within 7 mi (about 11 km) of the practice; the call-out is £75. {cite}"],
  newq=[[0], [1], [2], [3], [1, 2], [1, 2], [1], [2]],
  before_q=[0, 1, 2, 3]),

 dict(id="booking-and-cancelling", title="Booking and cancelling appointments", owner="Client Services", reviewed_at="2026-03-30",
  body="""Book appointments in the Brackenfold app, online or by phone. You can book up to **6 weeks** ahead.

- Standard consultations last **15 minutes**; ask for a double appointment (**30 minutes**) if you have several concerns.
- If you can't make it, cancel or move your appointment at least **24 hours** before.
- Missed appointments, or cancellations with less notice, are charged a **£35** fee.
- If you arrive more than **10 minutes** late, we may need to rebook you.
- Up to **2** pets can be seen in one standard consultation if the problems are minor.

Urgent same-day appointments are kept free every morning; call from **8:00** to get one. We send a reminder text **2 days** before each appointment, and you can reply to it to cancel. Please bring your pet in a carrier or on a short lead.""",
  q=["How much notice do I need to give to cancel an appointment?",
     "Why was I charged £35? I cancelled my appointment the morning of",
     "How far ahead can I book?",
     "Can I bring both my cats to one appointment?"],
  a=["Please cancel or move it at least 24 hours before; later cancellations and missed appointments are charged a £35 fee. {cite}",
     "Sorry for the frustration. Cancellations with less than 24 hours' notice are charged the £35 missed-appointment fee, which is why it was added. {cite}",
     "You can book up to 6 weeks ahead in the app, online or by phone. {cite}",
     "Yes, up to 2 pets can be seen in one standard consultation if the problems are minor. {cite}"],
  slip="You just need to let us know 12 hours before the appointment and there's no charge. {cite}",
  cust_wrong=[("I thought you only had to cancel 2 hours before? I got charged the fee", 1),
              ("Can I book 3 months ahead for Luna's check-up?", 2)]),

 dict(id="consultation-fees", title="Consultation fees", owner="Pricing", reviewed_at="2026-07-06",
  body="""All our prices include VAT at 20% and are the same at every Brackenfold practice.

- Standard vet consultation (**15 minutes**): **£52**.
- Double consultation (**30 minutes**): **£89**.
- Nurse consultation: **£28**; weight and nail clinics with a nurse are **£15**.
- A follow-up consultation for the same problem within **14 days** is free.
- Second opinions from another practice's vet are charged at the double consultation rate.

Medicines, tests and procedures are charged on top of the consultation fee, and we'll always give you an estimate before any treatment over **£150**. Pet Health Plan members get **10%** off consultation fees. Fees are reviewed every April, and we post any change in each waiting room and in the app at least **4 weeks** beforehand.""",
  q=["How much is a consultation?",
     "Do I have to pay again for a check-up on the same problem?",
     "How much is a nurse appointment for a nail clip?",
     "I'd like a longer appointment as there are a few things to discuss, what does that cost?",
     "Will you tell me the cost before treating my dog?"],
  a=["A standard 15-minute vet consultation is £52, including VAT. {cite}",
     "No, a follow-up consultation for the same problem within 14 days is free. {cite}",
     "Nail clinics with a nurse are £15. {cite}",
     "A double consultation of 30 minutes is £89. {cite}",
     "Yes, we always give you an estimate before any treatment over £150. {cite}"],
  cust_wrong=[("My friend says a consultation is £40 at your Millbeck practice, why was I charged £52?", 0),
              ("I thought the follow-up was free within a month? It's been 3 weeks", 1)]),

 dict(id="opening-hours", title="Practice opening hours", owner="Clinical Operations", reviewed_at="2026-06-15",
  body="""Our five practices (Millbeck, Ousebridge, Thornley, Calder Bank and Harrowgate Road) share the same hours.

- **Monday to Friday**: **8:00 to 19:00**.
- **Saturday**: **8:30 to 13:00**, for appointments and collections.
- **Sunday and bank holidays**: closed; our out-of-hours partner takes emergency calls.
- Phone lines open at **7:45** on weekdays; the first **30 minutes** are kept for urgent calls.
- Dispensary collections stop **15 minutes** before closing.

Harrowgate Road stays open until **20:00** on Thursdays for evening appointments. Car parks at every practice are free for up to **1 hour**. The waiting rooms have separate areas for cats and dogs, and we'll happily call you in from the car park if your pet gets anxious around other animals.""",
  q=["What time do you open on Saturday?",
     "Are you open on Sundays?",
     "What time do you close on weekdays? I finish work at 6",
     "What time do the phone lines open?",
     "Can I collect tablets at 6.55pm on a weekday?"],
  a=["On Saturdays we're open 8:30 to 13:00 for appointments and collections. {cite}",
     "We're closed on Sundays and bank holidays; our out-of-hours partner takes emergency calls then. {cite}",
     "Weekdays we're open 8:00 to 19:00, and Harrowgate Road stays open until 20:00 on Thursdays. {cite}",
     "Phone lines open at 7:45 on weekdays, and the first 30 minutes are kept for urgent calls. {cite}",
     "Dispensary collections stop 15 minutes before closing, so on a weekday please come by 18:45. {cite}"],
  cust_wrong=[("I thought you were open till 8 every night?", 2),
              ("Google says you open at 9 on Saturdays?", 0)]),

 dict(id="out-of-hours", title="Emergencies and out-of-hours care", owner="Clinical Operations", reviewed_at="2026-04-21",
  body="""Outside our opening hours, emergencies are seen by our partner, Kestrel Night Vets, at 14 Fenner Lane, Ousebridge.

- Out-of-hours cover runs from **19:00 to 8:00** on weekdays, from **13:00** on Saturday and all day on Sundays and bank holidays.
- Call our usual number, **0113 496 0452**, and choose option **1**; a vet nurse will advise you and book you in.
- The emergency consultation fee is **£185** on weekday nights and **£225** at weekends and on bank holidays.
- A deposit of **£300** is taken on arrival for any treatment or overnight stay.
- Kestrel sends your pet's records back to your usual practice by **10:00** the next working day.

If your pet has eaten something poisonous, call straight away and bring the packet with you. Never give human painkillers to pets: many are toxic even in small doses.""",
  q=["My dog is being sick and it's 10pm, what do I do?",
     "How much is an emergency appointment on a Sunday?",
     "Why did Kestrel take a £300 deposit?? We only went in for a check",
     "Will my vet know what happened at the emergency vet last night?"],
  a=["Please call our usual number, 0113 496 0452, and choose option 1; Kestrel Night Vets cover emergencies from 19:00 to 8:00 on weekdays. {cite}",
     "The emergency consultation fee at weekends and on bank holidays is £225. {cite}",
     "Sorry for the shock. A deposit of £300 is taken on arrival for any treatment or overnight stay, and it goes towards the final bill. {cite}",
     "Yes, Kestrel sends your pet's records back to your usual practice by 10:00 the next working day. {cite}"],
  cust_wrong=[("Isn't the emergency fee £150 on a Sunday? That's what I paid last year", 1)]),

 dict(id="vaccinations", title="Vaccinations for dogs and cats", owner="Clinical Standards", reviewed_at="2026-05-05",
  body="""Vaccines protect against serious diseases, and boarding kennels and catteries ask to see an up-to-date record.

- **Puppies and kittens** can have their first vaccination from **8 weeks** old, and the second **3 to 4 weeks** later.
- Puppies can go out for walks **1 week** after their second vaccination.
- The primary course costs **£68** for puppies and **£64** for kittens, including a health check each time.
- **Annual boosters**: **£56** for dogs and **£52** for cats.
- If a booster is more than **3 months** overdue, the primary course must be restarted.
- Kennel cough vaccine: **£39**, given up the nose, at least **2 weeks** before kennels.

Rabies vaccination for travel is covered in our pet travel article. Vaccination records are in the app, and we'll text you a reminder **4 weeks** before each booster is due.""",
  q=["When can my puppy have her first jab?",
     "How much is a booster for my cat?",
     "Pepper's booster was due 5 months ago, does she just need the booster?",
     "When can I take my puppy out for walks?",
     "Does my dog need the kennel cough vaccine before kennels?"],
  a=["Puppies can have their first vaccination from 8 weeks old, and the second 3 to 4 weeks later. {cite}",
     "An annual booster for a cat is £52, including a health check. {cite}",
     "I'm afraid that once a booster is more than 3 months overdue, the primary course has to be restarted. {cite}",
     "Puppies can go out 1 week after their second vaccination. {cite}",
     "Most kennels ask for it: it's £39, given up the nose, and needs to be at least 2 weeks before the stay. {cite}"],
  cust_wrong=[("The breeder said puppies can have their first jab at 6 weeks, can we come in next week?", 0),
              ("I thought there was 6 months' grace on a late booster?", 2)]),

 dict(id="neutering", title="Neutering your pet", owner="Clinical Standards", reviewed_at="2026-02-26",
  body="""Neutering prevents unwanted litters and some health problems later in life. A vet checks your pet on the morning of the operation before any anaesthetic.

- **Cats** can be neutered from **4 months** old: **£68** for males and **£98** for females.
- **Dogs** from **6 months** old, priced by weight: **£245** up to **10 kg**, **£325** up to **25 kg** and **£395** above.
- No food after **20:00** the night before; water is fine until you leave home.
- Drop-off is between **8:00 and 8:45**, and most pets go home after **15:00** the same day.
- A free post-op check is booked for **5 days** after surgery, and stitches come out at **10 days** if needed.

Rabbits can be neutered from **5 months** old for **£110**. Health Plan members get **10%** off. Please bring your pet in a secure carrier or on a lead.""",
  q=["How old does my kitten need to be for neutering?",
     "How much is it to spay my 18 kg spaniel?",
     "When does my dog have to stop eating before the op?",
     "What time can I pick my cat up after her spay?"],
  a=["Cats can be neutered from 4 months old; it's £68 for males and £98 for females. {cite}",
     "For a dog up to 25 kg, neutering is £325. {cite}",
     "No food after 20:00 the night before; water is fine until you leave home. {cite}",
     "Drop-off is between 8:00 and 8:45, and most pets go home after 15:00 the same day. {cite}"],
  cust_wrong=[("The rescue said no food after midnight, is that ok?", 2),
              ("I was told £60 to neuter a male cat, is that right?", 0)]),

 dict(id="insurance-and-payment", title="Insurance claims and paying your bill", owner="Accounts", reviewed_at="2026-05-27",
  body="""Payment is due when your pet is treated or collected. We take cards, Apple Pay and Google Pay; we no longer accept cheques.

- We can claim directly from most insurers for bills over **£250**, so you only pay your excess.
- Direct claims carry a **£25** admin fee, and the insurer must confirm cover before treatment.
- We complete the vet's part of your claim form within **5 working days**; there's no charge if you claim yourself.
- Bills over **£500** can be spread over up to **6 months** through our finance partner, at **0%** interest.
- Accounts unpaid after **30 days** are passed to a collection agency.

Itemised invoices are emailed on the day and stored in the app. Please tell reception when you book if you want us to claim directly, so we can check your policy in time.""",
  q=["Can you claim from my insurance directly?",
     "How long does it take you to fill in my claim form? I sent it last week",
     "The bill for Rufus's surgery is £1,400, can I pay in instalments?",
     "Why was I charged £25 on top of my excess?"],
  a=["Yes, for bills over £250 we can claim directly from most insurers, so you only pay your excess; there's a £25 admin fee. {cite}",
     "We complete the vet's part of claim forms within 5 working days. {cite}",
     "Bills over £500 can be spread over up to 6 months through our finance partner, at 0% interest. {cite}",
     "Sorry for the surprise. Direct claims carry a £25 admin fee, which covers us dealing with your insurer. {cite}"],
  cust_wrong=[("I thought you filled in claim forms within 2 days?", 1),
              ("Can I spread a £300 bill over 3 months?", 2)]),

 dict(id="microchipping", title="Microchipping", owner="Clinical Standards", reviewed_at="2026-03-12",
  body="""Microchips are the best way to get a lost pet home, and they're a legal requirement for dogs and cats in England.

- Dogs must be chipped by **8 weeks** old and cats by **20 weeks**.
- Microchipping costs **£19.99** at any practice, and takes a couple of minutes in a nurse appointment.
- We register the chip on a national database on the day, and you'll get a confirmation email within **24 hours**.
- Keeping your address and phone number up to date on the database is your job as the keeper; most databases charge **£10** to **£20** for a change of keeper.
- We scan every new patient's chip for free.

Owners of unchipped dogs can be fined up to **£500**. If your pet goes missing, report it to the database straight away and ring every practice within **5 miles** of where it was lost.""",
  q=["How much is it to microchip a kitten?",
     "When does my puppy need to be chipped by?",
     "Our cat's gone missing, what should we do?",
     "Do you register the chip or do I?"],
  a=["Microchipping is £19.99 at any practice, in a short nurse appointment. {cite}",
     "Puppies must be chipped by 8 weeks old, and kittens by 20 weeks. {cite}",
     "I'm so sorry. Please report it to the microchip database straight away and ring every practice within 5 miles of where she was lost. {cite}",
     "We register it on a national database on the day, and you'll get a confirmation email within 24 hours. {cite}"],
  cust_wrong=[("The breeder said cats don't legally need a chip until they're a year old?", 1)]),

 dict(id="dental-care", title="Dental care", owner="Clinical Standards", reviewed_at="2026-04-09",
  body="""Most dogs and cats over **3 years** old have some dental disease, so we check teeth at every health check.

- A dental check with a nurse is free, and takes about **10 minutes**.
- Scale and polish under general anaesthetic: from **£289**, including pre-anaesthetic checks.
- Extractions cost **£38** per tooth on top, and dental X-rays **£95**.
- Your pet will need to stay with us for the day; drop-off is from **8:00**.
- Soft food is best for **7 days** after extractions.

We'll phone you during the procedure if we find more work is needed, and we never go over your agreed estimate by more than **10%** without asking. Brushing daily is the best prevention; our nurses will show you how for free, and we sell finger brushes and pet toothpaste at reception.""",
  q=["How much does a dental clean cost for my dog?",
     "My vet says my cat needs teeth out, how much per tooth?",
     "Can a nurse check my dog's teeth?",
     "What should I feed him now his teeth have been taken out?"],
  a=["A scale and polish under general anaesthetic starts at £289, including the pre-anaesthetic checks. {cite}",
     "Extractions are £38 per tooth on top of the scale and polish, and dental X-rays are £95 if needed. {cite}",
     "Yes, a dental check with a nurse is free and takes about 10 minutes. {cite}",
     "Soft food is best for 7 days after extractions. {cite}"],
  cust_wrong=[("My neighbour paid £150 for a dental at your Thornley practice, why is mine £289?", 0)]),

 dict(id="pet-travel", title="Travelling abroad with your pet", owner="Clinical Standards", reviewed_at="2026-03-03",
  body="""To take a dog, cat or ferret from Great Britain to the EU or Northern Ireland, your pet needs an Animal Health Certificate (AHC).

- Your pet must be microchipped and vaccinated against rabies at least **21 days** before travel; the earliest age for the rabies jab is **12 weeks**.
- An AHC costs **£165** and must be issued within **10 days** of arriving in the EU.
- Each AHC is valid for one trip out and for **4 months** of travel within the EU and back.
- Dogs going to some countries need tapeworm treatment **1 to 5 days** before arrival.
- Book your AHC appointment at least **2 weeks** before you travel; only Official Veterinarians can sign it.

The rabies vaccine costs **£58** and is valid for **3 years**. We can't issue an AHC on the day of travel.""",
  q=["We're driving to France in 3 weeks with the dog, what do we need?",
     "How much is an animal health certificate?",
     "Can my 10 week old puppy have the rabies jab?",
     "How long is the AHC valid for?"],
  a=["Your dog needs to be microchipped and have had a rabies vaccination at least 21 days before travel, plus an Animal Health Certificate issued within 10 days of arriving in the EU. {cite}",
     "An AHC is £165, and it must be issued within 10 days of arriving in the EU. {cite}",
     "The earliest age for the rabies jab is 12 weeks, I'm afraid. {cite}",
     "Each AHC is valid for one trip out and for 4 months of travel within the EU and back. {cite}"],
  cust_wrong=[("I thought the certificate could be done 30 days before we go?", 1),
              ("Isn't it only 14 days after the rabies jab before we can travel?", 0)]),

 dict(id="pet-food-delivery", title="Pet food and home delivery", owner="Retail", reviewed_at="2026-06-22",
  body="""We stock prescription diets and a range of everyday foods at every practice, and deliver to your door.

- Delivery is free on orders over **£40**; smaller orders cost **£3.95**.
- Orders placed by **14:00** on a weekday are dispatched the same day and usually arrive within **2 working days**.
- Repeat deliveries every **4, 6 or 8 weeks** save **5%** on each order.
- Prescription diets need a vet check at least every **12 months**.
- Unopened bags can be returned within **30 days** for a refund; opened bags can't.

Collect in practice if you prefer: orders are ready within **1 working day**. Health Plan members save **10%** on food as well, on top of the repeat delivery saving. Bags over **12 kg** are delivered by courier and need a signature.""",
  q=["Do you deliver dog food?",
     "If I order today when will the cat food come?",
     "Is there a discount for regular food orders?",
     "Can I return a bag of food my dog won't eat?"],
  a=["Yes, delivery is free on orders over £40; smaller orders cost £3.95. {cite}",
     "Orders placed by 14:00 on a weekday are dispatched the same day and usually arrive within 2 working days. {cite}",
     "Yes, repeat deliveries every 4, 6 or 8 weeks save 5% on each order. {cite}",
     "Unopened bags can be returned within 30 days for a refund, but opened bags can't, I'm afraid. {cite}"],
  cust_wrong=[("I thought delivery was free over £30?", 0)]),

 dict(id="end-of-life-care", title="Saying goodbye: euthanasia and cremation", owner="Client Services", reviewed_at="2026-01-20",
  body="""We know this is a very hard time. Our team will guide you through every step, and you can take as long as you need.

- Euthanasia in practice costs **£95** for cats and **£125** for dogs; we can book a quiet room and the last appointment of the day if you'd like.
- Communal cremation: **£65** for cats and **£90** for dogs.
- Individual cremation, with ashes returned in a wooden casket: from **£185**; ashes come back within **2 weeks**.
- A clay paw print keepsake costs **£25**.
- If you'd like to take your pet home for burial, we'll provide a shroud free of charge.

Payment can be settled later by phone if you'd rather not pay on the day. Our support line, run with a pet bereavement charity, is open **9:00 to 21:00** every day.""",
  q=["What does it cost to have my old cat put to sleep?",
     "How long until we get Bramble's ashes back?",
     "What are the cremation options and costs for a dog?"],
  a=["I'm so sorry. Euthanasia in practice is £95 for cats, and we can book a quiet room at the end of the day. {cite}",
     "With an individual cremation, the ashes come back within 2 weeks in a wooden casket. {cite}",
     "Communal cremation is £90 for dogs, and individual cremation with the ashes returned starts at £185. {cite}"],
  cust_wrong=[("My friend got her dog's ashes back in 3 days, why is ours taking so long?", 1)]),

 dict(id="registering", title="Registering with a practice", owner="Client Services", reviewed_at="2026-07-14",
  body="""Registering is free and takes a few minutes in the app, online or at reception.

- You must be **18** or over to register pets in your name.
- Up to **6** pets can be registered on one household account; larger households and breeders need a breeder account.
- Your first appointment is a new-patient health check for **£25**, if booked within **30 days** of registering.
- We ask your previous vet for your pet's history; it usually arrives within **5 working days**.
- Moving practice within Brackenfold is free and your records come with you.

Accounts with no visits for **3 years** are closed, and the records kept for **7 years** afterwards. Bring any vaccination cards and insurance details to your first appointment, and tell us about any medicines your pet takes.""",
  q=["How do I register my new puppy?",
     "Can my 16 year old son register our cat?",
     "We have 7 cats, can they all be on one account?",
     "Will you get my dog's records from our old vet?"],
  a=["Registering is free and takes a few minutes in the app, online or at reception; the first new-patient health check is £25 if booked within 30 days. {cite}",
     "I'm afraid you must be 18 or over to register pets in your name, so a parent will need to do it. {cite}",
     "Up to 6 pets can be registered on one household account; for more, we can set up a breeder account. {cite}",
     "Yes, we ask your previous vet for the history; it usually arrives within 5 working days. {cite}"],
  cust_wrong=[("I thought the first check was free for new clients?", 0)]),
]

DRIFT = {
 "repeat-prescriptions": dict(old="Repeat prescriptions are ready to collect within 48 hours", new="within 72 hours",
                              start="2026-09-02", kind="time frame (hours)", before=4, after=11),
 "pet-health-plan": dict(old="Up to 6 nurse clinic appointments a year", new="4 nurse clinic appointments a year",
                         start="2026-09-24", kind="count (appointments per year)", before=3, after=10),
 "home-visits": dict(old="We visit homes within 10 miles of any Brackenfold practice", new="within 7 miles",
                     start="2026-10-26", kind="distance (miles)", before=3, after=10),
}
SLIP = "booking-and-cancelling"
SLIP_VALUE = "cancel at least 24 hours before"
SLIP_DATE = "2026-10-08"
SLIP_Q = 0
MANY = ["consultation-fees", "opening-hours", "vaccinations"]

DRIFT_NOTES = {
 "repeat-prescriptions": "FYI repeats now go through the central pharmacy hub, so turnaround is 72 hours, not 48. The Repeat prescriptions article hasn't been changed yet.",
 "pet-health-plan": "From this month new and renewing plans include 4 nurse clinic appointments a year (was 6). The Pet Health Plan article still says 6; Client Services to update.",
 "home-visits": "Home visit radius cut to 7 miles from each practice because of the vet rota. The Home visits article still says 10 miles; Clinical Ops are updating it.",
}
CUST_QUOTES_OLD = {
 "repeat-prescriptions": [("Your repeat prescriptions page says 48 hours but the Thornley practice told me it's longer. Which is it? I need my dog's heart tablets by Friday", 5),
                          ("The help page says repeats are ready within 48 hours, I ordered on Monday and was told Thursday?", 7)],
 "pet-health-plan": [("Your Pet Health Plan article says up to 6 nurse appointments a year. Is that still the case? Thinking of signing up our cat", 2),
                     ("The health plan page says 6 nurse clinic appointments a year, but reception said we've used all ours after the fourth. Which is right?", 6)],
 "home-visits": [("Your home visits page says you cover 10 miles from a practice. We're about 9 miles from Calder Bank, can a vet come out?", 5),
                 ("The help page says home visits within 10 miles, but the receptionist said you won't come out to us?? My cat is 19 and can't travel", 6)],
}

SUBJECTS = {
 "repeat-prescriptions": ["Repeat prescription", "Tablets not ready", "Posting medication"],
 "pet-health-plan": ["Health plan", "Nurse appointments on plan", "Pet Health Plan question"],
 "home-visits": ["Home visit", "Can a vet come to us?", "Nurse home visit"],
 "booking-and-cancelling": ["Cancelling appointment", "Missed appointment fee", "Booking"],
 "consultation-fees": ["Consultation cost", "Fees", "Follow-up charge"],
 "opening-hours": ["Opening hours", "Saturday hours", "Are you open Sunday"],
 "out-of-hours": ["Emergency", "Out of hours", "Kestrel deposit"],
 "vaccinations": ["Vaccinations", "Booster", "Puppy jabs"],
 "neutering": ["Neutering", "Spay", "Castration"],
 "insurance-and-payment": ["Insurance claim", "Payment plan", "Claim form"],
 "microchipping": ["Microchip", "Lost cat"],
 "dental-care": ["Dental", "Teeth cleaning"],
 "pet-travel": ["Pet passport", "Travel to France", "AHC"],
 "pet-food-delivery": ["Food delivery", "Food order"],
 "end-of-life-care": ["Cremation", "Euthanasia"],
 "registering": ["Registering", "New client"],
}
