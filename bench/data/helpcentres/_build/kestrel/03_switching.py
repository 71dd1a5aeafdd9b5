A("port-in", "Bring your number to Kestrel", """
You can keep your existing mobile number when you join Kestrel. Moving a number between networks is called **porting**.

## What you need

A **PAC code** (Porting Authorisation Code) from your current provider. In the UK you can get one for free by texting **PAC** to **65075** from the phone you want to move. Your provider must reply within 1 minute. The code is 9 characters long and is valid for **30 days**.

## How to give us your PAC

- When you order online, enter the PAC and the number at checkout, or
- If you've already got your Kestrel SIM, go to the app: **Account > Bring my number** and enter it. You can do this up to **30 days after joining**.

## When does the switch happen?

If you give us your PAC **before 4pm on a working day**, your number moves on the **next working day**. PACs submitted after 4pm, at the weekend or on a bank holiday move one working day later. You can also pick a later date, up to 30 days ahead.

On the switch day your old SIM will stop working and your Kestrel SIM will take over your number, usually by 2pm. You may lose service for up to 2 hours while this happens. Restart your phone if your number hasn't moved by 6pm.

## Temporary number

Your Kestrel SIM comes with a temporary number, which works until the port completes. After porting, the temporary number is removed, and any credit or allowance stays on your account.

## Things to know

- Your old provider may charge an early termination fee if you're still in contract with them. Porting does not change this.
- Your old provider's contract ends automatically when the number moves - you don't need to call them to cancel.
- We can't port numbers from outside the UK, or landline numbers onto a mobile SIM.
- If the port fails (for example the PAC has expired or the number doesn't match), we'll text your temporary number. Just get a new PAC and try again.
""",
[
 "how do i keep my old number when i join you",
 "where do I put the porting code once I have the new sim",
 "i've had my kestrel sim for 5 weeks, can i still bring over my old number",
 "I entered the code at 6pm friday, when will my number move?",
 "do I need to ring my old network to cancel after switching my number to you",
 "can I port my Irish mobile number to Kestrel",
 "the number transfer failed and I got a text, what do I do",
 "its 7pm on switch day and my kestrel sim still shows the temp number",
 "is it possible to choose the date my number comes across",
 "will I lose signal during the number transfer",
 "can i move my home landline number onto a mobile",
],
[
 ("How long is the code from my old network valid for?", "PAC codes are valid for 30 days, so you'll need to use it with us within that time."),
 ("What happens to the temporary number you gave me once my old one transfers?", "The temporary number is removed once the port completes; any credit or allowance stays on your account."),
 ("If I port to you will my old provider still charge me to leave early?", "Yes, your old provider can still charge an early termination fee if you're in contract - porting doesn't change that."),
 ("How do I get a PAC from Vodafone to bring my number over?", "Text PAC to 65075 from the phone you're moving - it's free and the code comes back within a minute."),
 ("I submitted my PAC at 11am Tuesday, when does my number switch?", "Before 4pm on a working day, so your number should move on Wednesday, usually by 2pm."),
 ("I put in my PAC but my new number hasn't changed yet today", "On switch day the number usually moves by 2pm, with up to 2 hours without service; if it hasn't by 6pm please restart your phone."),
]);

A("port-out", "Leaving Kestrel and keeping your number", """
We're sorry to see you go. If you're moving to another mobile network, you don't need to call us to cancel - your new provider sorts it out.

## Keeping your number: PAC code

Text **PAC** to **65075** from your Kestrel phone. We'll text back your PAC within 1 minute, along with any early termination charges and the balance left on your device plan. Give the PAC to your new provider; it's valid for **30 days**.

## Not keeping your number: STAC code

Text **STAC** to **75075** to get a Service Termination Authorisation Code. Give it to your new provider and your Kestrel service will end when they connect you. It's also valid for 30 days.

## Notice period

When you leave with a PAC or STAC, there's **no 30-day notice period** - we stop charging airtime from the day your number moves or your new service starts. If you don't use the code within 30 days nothing happens and your Kestrel plan continues as normal.

## Early termination charges

If you're still within your minimum term, you'll pay an early termination charge. This is the **remaining monthly airtime charges for your minimum term, minus VAT**. The exact amount is shown in the text with your code.

## Your device plan

Leaving Kestrel doesn't end your device plan. You can keep paying it monthly by Direct Debit until it's finished, or pay it off in one go in the app.

## Account PIN

To protect you from fraud, you may be asked for your **6-digit account PIN** before we release a PAC by phone or chat. Texting 65075 from your own phone doesn't need a PIN.

## Your final bill

Your final bill arrives within **10 days** of leaving. If we owe you money it's refunded within 14 days. Kestrel Flex credit can't be refunded or moved to another network, so use it before you leave.
""",
[
 "switching to another network and want to keep my number, how do i get the code",
 "moving network but i want a new number, what do I text",
 "do i have to give you 30 days notice when i switch to a different provider",
 "how much will it cost me to leave 8 months into a 24 month contract",
 "if i port away does my phone payment plan stop",
 "I'm in credit on my monthly account, will I get that back when I switch away",
 "got my PAC but changed my mind, do I need to cancel it",
 "when will I get my final bill after I've switched away",
 "do I need a PIN if I just text for the PAC from my own phone",
 "how long is my kestrel pac valid",
],
[
 ("what exactly is the early cancellation fee when porting out mid-contract?", "It's the remaining monthly airtime charges for your minimum term, minus VAT - the exact figure comes in the text with your PAC."),
 ("Do I need to call you to leave if I've got a PAC already?", "No, your new provider handles it; your Kestrel service ends when the number moves."),
 ("I've paid off my phone - will texting PAC show what I owe?", "The PAC text includes any early termination charges and any device plan balance, so you'll see if anything is left."),
 ("How quickly do you send refunds after I leave?", "Your final bill comes within 10 days and any money we owe is refunded within 14 days."),
 ("Which number do I text for a STAC?", "Text STAC to 75075 - the code is valid for 30 days."),
 ("Can I still pay my device plan monthly after moving to another network?", "Yes, you can keep paying the device plan monthly by Direct Debit or pay it off in the app."),
]);

A("cancel-contract", "Cancel your mobile contract", """
This article is for cancelling a **pay monthly mobile plan** when you're **not** moving your number to another network (for example, you no longer need the line). If you're switching provider, text PAC or STAC instead - see Leaving Kestrel and keeping your number. To cancel broadband, see Cancel your broadband.

## Changed your mind? 14-day cooling-off period

If you bought online or by phone, you can cancel within **14 days** of receiving your phone or SIM. You'll need to return the phone in its original condition and packaging, and pay for any usage so far. Returns are free using the prepaid label we email you. Refunds are made within 14 days of us receiving the phone.

In-store purchases have a **14-day** return period if the phone is unused and still sealed.

## Cancelling after 14 days

- Give us **30 days' notice** by chat or phone. You can't cancel a line in the app.
- You'll be charged for your plan up to the end of the notice period.
- If you're within your minimum term, you'll pay an early termination charge: the remaining monthly airtime charges, minus VAT.
- Your device plan continues until it's paid off (or pay the balance in full).

## What happens to your number?

When the line is cancelled, the number is disconnected. We can **reconnect it within 30 days** if you change your mind; after that it may be given to someone else.

## Cancelling a line for someone who has died

We're sorry for your loss. We'll cancel the line with no early termination charge and write off any device plan balance on request. We'll need a copy of the death certificate or a grant of probate. There's no notice period.

## Cancelling a Kestrel Flex SIM

Flex (pay as you go) doesn't have a contract. Just stop using it. Any credit remaining can't be refunded.
""",
[
 "i dont need my second line anymore, how do I get rid of it (not switching networks)",
 "bought a phone online 10 days ago and hate it, can I send it back",
 "how much notice to cancel my kestrel phone contract",
 "can i cancel a line in the app",
 "I cancelled my line 3 weeks ago by mistake, can I get the number back?",
 "my father passed away and had a contract with you, what do I need to close it",
 "got my phone in one of your shops last week, opened it, can I return it",
 "how do i cancel payg",
 "Cancelled my contract - do I have to keep paying for the handset",
 "when will I get my money back after returning a phone during cooling off",
],
[
 ("Do I need to pay for postage to send back a phone in the cooling off period?", "No - returns are free with the prepaid label we email you, as long as it's within 14 days and in original condition."),
 ("Is there an exit fee when cancelling a deceased relative's mobile?", "No, we cancel with no early termination charge and can write off the device balance - we just need a death certificate or grant of probate."),
 ("how much notice do you need to close a mobile line I don't use?", "We need 30 days' notice by chat or phone, and you're charged until the end of the notice period."),
 ("Can I return a phone I bought in store if it's unopened?", "Yes, in-store purchases can be returned within 14 days if unused and still sealed."),
 ("What happens to my number after I cancel?", "It's disconnected, but we can reconnect it within 30 days; after that it may be reassigned."),
 ("I want to cancel my line that's still in contract, how much does it cost?", "Within the minimum term you'd pay the remaining monthly airtime charges minus VAT, plus 30 days' notice."),
]);

A("change-number", "Change your mobile number", """
Want a new number? You can change it yourself in the app.

## How to change your number

1. Open the app and go to **Account > My number > Change number**.
2. Choose one of the **5 numbers** we offer. Don't like them? Tap refresh for 5 more.
3. Confirm. Your new number is usually active within **2 hours**. Restart your phone once you get our confirmation text.

## Cost

- Pay monthly: your first change in any **12 months is free**. After that it's **£10** per change.
- Kestrel Flex: **£5** per change, taken from credit.
- **Gold numbers** (easy-to-remember numbers) cost from **£25 to £250**, shown next to each number.

## What happens to my old number?

Your old number is withdrawn. We **can't** give you your old number back after **30 days**. Within 30 days, we can switch back for free if you ask through chat.

## Things to update

- WhatsApp, Signal and other messaging apps (use their "change number" feature).
- Your bank, GP and any two-factor authentication.
- Your voicemail greeting if it mentions your number.

## Business lines

Business line users can't change their own number in the app. An admin can request a number change in the Business Hub (Lines > Change number), and it's free for business lines.

## Can't change number?

You can't change your number while a **port-in** to Kestrel is in progress, or within 7 days of joining.
""",
[
 "i keep getting calls for someone else, can i get a different number",
 "how much does it cost to change my phone number again, already did it in january",
 "do you have nice memorable numbers i can buy",
 "changed my number yesterday, regret it, can I go back to the old one",
 "how long after choosing a new number until it works",
 "how much is a new number on pay as you go",
 "our employee needs a different mobile number on her work phone",
 "the app wont let me change my number, I only joined 4 days ago",
 "can i pick my own new number or do you assign it",
 "after changing number what do I need to update",
],
[
 ("Is it free to get a new mobile number?", "On pay monthly your first change in 12 months is free, then £10 per change; on Flex it's £5."),
 ("How many number choices do I get when changing?", "We show 5 numbers at a time, and you can refresh for 5 more."),
 ("I changed numbers 2 months ago and want the old one back, possible?", "Unfortunately after 30 days we can't return the old number - within 30 days it's a free switch back through chat."),
 ("how much are gold numbers?", "Gold numbers range from £25 to £250, with the price shown next to each one."),
 ("Can I change my number while my old number is still being ported in?", "No, number changes aren't possible while a port-in is in progress or within 7 days of joining."),
 ("Does a number change cost anything on a business line?", "It's free for business lines, but an admin has to request it in the Business Hub under Lines > Change number."),
]);

A("cancel-broadband", "Cancel your broadband", """
This article covers cancelling **Kestrel Home Fibre** and Home Phone. To cancel a mobile plan, see Cancel your mobile contract.

## Switching to another broadband provider

If you're moving to another provider at the same address, you usually **don't need to contact us**. Your new provider will arrange the switch and we'll be told automatically. We'll send you a letter or email confirming the switch date and any charges.

## Cancelling without switching

Contact us by chat or phone with **30 days' notice**. You can't cancel broadband in the app. We charge for your service up to the end of the notice period.

## Cooling-off period

You can cancel within **14 days** of your order without paying early termination charges. If your service has already gone live, you pay for the days you've used.

## Early termination charges

If you're still within your minimum term, you'll pay the monthly charges left on your contract **minus VAT and minus a 4% discount** for early payment.

In some situations early termination charges are waived - for example when you move home, or if your speed problems can't be fixed. See Moving home with Kestrel Home Fibre and Slow or dropping broadband for the conditions.

## Returning your Kestrel Hub

You must return your Kestrel Hub (and any Kestrel Boost discs) within **30 days** of your service ending. We'll send a free returns bag. If we don't receive it, we'll charge **£60 for a Hub** and **£30 per Boost disc**.

## Your home phone number

If you want to keep your home phone number, ask your new provider to take it over before you cancel. Once your service ends, we keep your number for 30 days.
""",
[
 "i'm switching my internet to a different company, do i need to call you",
 "how much notice for closing my fibre",
 "what happens if i don't send back the router",
 "how long do i have to return the hub after leaving",
 "does it cost anything to leave broadband 6 months early",
 "changed my mind about the fibre I ordered 5 days ago",
 "where do I get a bag to post the hub back",
 "is the early exit fee for fibre reduced at all if i pay the whole lot when i leave",
 "i have 2 of the boost mesh things, do they need returning too",
 "can I take my landline number with me when cancelling home fibre",
],
[
 ("Can I cancel my broadband in the app?", "Broadband can't be cancelled in the app - please chat or call with 30 days' notice."),
 ("How is the early exit fee worked out for home fibre?", "It's the remaining monthly charges minus VAT and minus a 4% early payment discount."),
 ("What's the charge if I lose the Kestrel router?", "If the Hub isn't returned within 30 days we charge £60 (and £30 per Boost disc)."),
 ("How long is the home phone number kept after I cancel broadband?", "We keep it for 30 days after your service ends, but ask your new provider to take it over before you cancel."),
 ("If I cancel broadband in the first week after it went live, what do I pay?", "Within the 14-day cooling-off period there are no early termination charges, just the days you've used."),
 ("I'm switching to another internet provider - do you need to send me anything?", "You don't need to contact us; your new provider arranges it and we'll confirm the switch date and charges by letter or email."),
]);

A("scam-texts", "Scam calls, texts and SIM swap fraud", """
Criminals sometimes pretend to be Kestrel, your bank or a delivery company. Here's how to spot them and protect your account.

## What Kestrel will never do

- Ask for your **full account PIN** by text or email (we may ask for 2 digits of it on a call you made to us).
- Ask you to **move money** or pay a bill through a link in a text.
- Call you and ask you to read out a code we've just texted you.

## Reporting scam texts and calls

- Forward scam texts to **7726** (it spells SPAM on a keypad). It's free. You'll be asked for the sender's number.
- Report a scam call by texting **"Call"** followed by the number to 7726.
- Block a number on your phone; you can also block up to **20 numbers** on your line in the app (Settings > Blocked numbers).

## SIM swap fraud

SIM swap fraud is when a criminal convinces a network to move your number to a SIM they control, so they receive your bank codes. Signs include your phone suddenly showing **No Service** for a long time while others nearby have signal.

To protect you:

- Ordering a replacement SIM, eSIM or a PAC by phone or chat needs your **6-digit account PIN**.
- We text your number and email you whenever a SIM swap or eSIM is requested, and the swap is **delayed by 1 hour** so you can stop it.
- You can turn on **SIM Lock+**, which means SIM swaps can only be done in a Kestrel store with photo ID.

If you think you're a victim, call us on **0800 555 0199** straight away and contact your bank.

## Forgot your account PIN?

Reset it in the app under **Settings > Security > Account PIN**. You'll need to log in with your password and a code sent to your email address.
""",
[
 "got a text saying it's from kestrel asking me to pay an overdue bill through a link, is that real",
 "where do I forward spam messages",
 "my phone has said no service for 3 hours but my husband's kestrel phone is fine, should i be worried",
 "how can I make sure nobody can move my number to another sim",
 "someone rang claiming to be from kestrel and wanted the code you just texted me",
 "how many numbers can i block in the app",
 "forgotten my 6 digit account pin how to reset",
 "how do i report a scam phone call",
 "i got an email saying my SIM was swapped but i didn't ask for that",
 "does kestrel ever ask for the whole pin",
],
[
 ("Is there a delay before a SIM swap happens in case it's not me?", "Yes, we notify you by text and email and delay any SIM swap by 1 hour so you can stop it."),
 ("Can I make it so SIM changes can only be done in person?", "Yes, turn on SIM Lock+ and SIM swaps can only be done in a Kestrel store with photo ID."),
 ("Is it free to forward junk texts to 7726?", "Yes, forwarding to 7726 is free - you'll be asked for the sender's number afterwards."),
 ("Will Kestrel staff ever ask me for my PIN?", "Never the full PIN by text or email - on a call you made to us we may ask for 2 digits."),
 ("I think someone stole my number to get into my bank, what do I do?", "Call us straight away on 0800 555 0199 and contact your bank."),
 ("where do I block callers in the Kestrel app?", "Under Settings > Blocked numbers - you can block up to 20 numbers."),
]);
