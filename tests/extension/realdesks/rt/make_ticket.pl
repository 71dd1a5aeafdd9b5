#!/usr/bin/perl
# Creates the agent (sam / tandem-agent-pw, full rights), the customer and one ticket with a
# description, an agent reply, an internal comment and a customer follow-up, and a second customer's
# ticket, through RT's own API. Prints the two ticket ids. Reads RT_SITE_CONFIG like every RT tool.
use strict;
use warnings;
use lib '/usr/share/request-tracker5/lib';
use RT -init;
use MIME::Entity;

my $system = RT->SystemUser;

my $agent = RT::User->new($system);
my ($ok, $msg) = $agent->Create(Name => 'sam', RealName => 'Sam Porter', EmailAddress => 'sam@harborandpine.example',
                                Password => 'tandem-agent-pw', Privileged => 1);
die "agent: $msg" unless $ok;
($ok, $msg) = $agent->PrincipalObj->GrantRight(Right => 'SuperUser', Object => RT->System);
die "rights: $msg" unless $ok;

my $customer = RT::User->new($system);
($ok, $msg) = $customer->Create(Name => 'maya.lindqvist@example.net', RealName => 'Maya Lindqvist',
                                EmailAddress => 'maya.lindqvist@example.net', Privileged => 0);
die "customer: $msg" unless $ok;

# As on a real support desk: anyone may open a ticket and reply to it (by mail or the self-service UI).
my $everyone = RT::Group->new($system);
$everyone->LoadSystemInternalGroup('Everyone');
for my $right (qw(CreateTicket ReplyToTicket SeeQueue ShowTicket)) {
    ($ok, $msg) = $everyone->PrincipalObj->GrantRight(Right => $right, Object => RT->System);
    die "everyone $right: $msg" unless $ok;
}

sub body { MIME::Entity->build(Type => 'text/plain', Charset => 'UTF-8', Data => [ join("\n", @_) . "\n" ]) }

my $as_customer = RT::CurrentUser->new($customer);
my $ticket = RT::Ticket->new($as_customer);
my ($id, undef, $err) = $ticket->Create(
    Queue     => 'General',
    Subject   => 'Refund for the returned floor lamp',
    Requestor => ['maya.lindqvist@example.net'],
    MIMEObj   => body(
        'Hello,',
        '',
        'I sent back the Alder floor lamp from order HP-418207 because the shade arrived cracked.',
        'The tracking page says your warehouse received the parcel on March 3rd, but I have not',
        'seen any money back on my credit card yet. Could you tell me when the refund for the',
        'returned lamp will arrive?',
        '',
        'Best regards,',
        'Maya Lindqvist'),
);
die "ticket: $err" unless $id;

my $as_agent = RT::CurrentUser->new($agent);
$ticket = RT::Ticket->new($as_agent);
$ticket->Load($id);
($ok, $msg) = $ticket->Correspond(MIMEObj => body(
    'Hi Maya,',
    '',
    'Thanks for getting in touch. I can see the lamp arrived at our warehouse and the return',
    'has been checked in. I have asked the team to confirm the refund for you.',
    '',
    'Sam Porter',
    'Harbor & Pine customer care'));
die "reply: $msg" unless $ok;
($ok, $msg) = $ticket->Comment(MIMEObj => body(
    'Internal: warehouse confirmed the lamp passed inspection on March 5th. Refund batch was issued',
    'the same day, do not promise a date before checking the payment provider.'));
die "comment: $msg" unless $ok;

$ticket = RT::Ticket->new($as_customer);
$ticket->Load($id);
($ok, $msg) = $ticket->Correspond(MIMEObj => body(
    'Thanks Sam.',
    '',
    'It has been twelve days since you received the lamp and the refund still is not on my',
    'credit card statement. How many business days does a refund to a card usually take?',
    '',
    'Maya'));
die "follow-up: $msg" unless $ok;

# A second ticket from another customer: the test switches to it in the same tab.
my $second = RT::User->new($system);
($ok, $msg) = $second->Create(Name => 'priya.natarajan@example.net', RealName => 'Priya Natarajan',
                              EmailAddress => 'priya.natarajan@example.net', Privileged => 0);
die "second customer: $msg" unless $ok;
my $as_second = RT::CurrentUser->new($second);
$ticket = RT::Ticket->new($as_second);
my ($id2, undef, $err2) = $ticket->Create(
    Queue     => 'General',
    Subject   => 'Charged twice for one order',
    Requestor => ['priya.natarajan@example.net'],
    MIMEObj   => body(
        'Hello,',
        '',
        'I placed one order (HP-702341) for the linen duvet set, but my bank statement shows two',
        'charges of the same amount. Why was I charged twice for one order?',
        '',
        'Priya Natarajan'),
);
die "second ticket: $err2" unless $id2;
$ticket = RT::Ticket->new($as_agent);
$ticket->Load($id2);
($ok, $msg) = $ticket->Correspond(MIMEObj => body(
    'Hi Priya,',
    '',
    'Thanks for the details. I am looking at the payments on order HP-702341 now.',
    '',
    'Sam Porter'));
die "second reply: $msg" unless $ok;
$ticket = RT::Ticket->new($as_second);
$ticket->Load($id2);
($ok, $msg) = $ticket->Correspond(MIMEObj => body(
    'Thank you. Both charges are still on my card today. Will one of them be refunded?'));
die "second follow-up: $msg" unless $ok;

print "$id $id2\n";
