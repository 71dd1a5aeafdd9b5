# Runs under `rails runner` inside Debian's Redmine: the agent, two customers, a project and two
# issues (a customer's description, an agent's reply, a private note, the customer's follow-up).
# Prints the issue ids as JSON. Used once per Redmine version to build the cached database.
require "json"
agent_pw = ARGV[0]

def person(login, first, last, password, admin: false)
  user = User.new(firstname: first, lastname: last, mail: "#{login}@example.net", language: "en")
  user.login = login
  user.admin = admin
  user.password = user.password_confirmation = password
  user.status = User::STATUS_ACTIVE
  user.save!
  user
end

Setting.default_language = "en"
Setting.user_format = "firstname_lastname"
Setting.login_required = "1"
sam = person("sam", "Sam", "Porter", agent_pw, admin: true)
ines = person("ines.duarte", "Ines", "Duarte", "customer-pw-1")
felix = person("felix.brandt", "Felix", "Brandt", "customer-pw-2")
project = Project.new(name: "Harbor and Pine support", identifier: "support", is_public: false)
project.enabled_module_names = %w[issue_tracking]
project.trackers = Tracker.all
project.save!
role = Role.find_by(name: "Manager") || Role.givable.first
[sam, ines, felix].each { |u| Member.create!(project: project, principal: u, roles: [role]) }

def issue(project, author, subject, description, at, notes)
  record = Issue.new(project: project, tracker: project.trackers.first, author: author, subject: subject,
                     description: description, priority: IssuePriority.default || IssuePriority.first,
                     status: IssueStatus.order(:position).first)
  record.save!
  notes.each do |who, text, when_at, private_note|
    journal = Journal.new(journalized: record, user: who, notes: text, private_notes: private_note)
    journal.save!
    journal.update_column(:created_on, Time.utc(*when_at)) # callbacks stamp "now" on create
  end
  record.update_columns(created_on: Time.utc(*at), updated_on: Time.utc(*notes.last[2]))
  record.id
end

first = issue(project, ines, "Duvet cover arrived with a torn seam",
  "Hello,\n\nthe Skerry linen duvet cover from order HP-660415 arrived today with a long torn seam along one side, " \
  "and the box was crushed at one corner. It looks like it was damaged in transit. Can you send a replacement " \
  "or do I need to return it first?\n\nInes Duarte",
  [2026, 5, 4, 9, 5],
  [[sam, "Hi Ines,\n\nI am sorry the duvet cover arrived like that. Could you send us a photo of the torn seam and " \
         "of the box so we can sort this out quickly?\n\nSam Porter\nHarbor & Pine customer care", [2026, 5, 4, 10, 20], false],
   [sam, "Photos match a crushed carton: this is carrier damage, replacement stock is available in the Leeds warehouse.",
    [2026, 5, 4, 10, 25], true],
   [ines, "Here are the photos of the seam and the crushed box. Will you ship the replacement before I send the damaged one back?",
    [2026, 5, 4, 12, 40], false]])
second = issue(project, felix, "How do I cancel the coffee subscription?",
  "Hi,\n\nI have the monthly Coffee Pantry subscription and I would like to stop it after this month's delivery. " \
  "I cannot find a cancel button in my account. How do I cancel my coffee subscription?\n\nFelix Brandt",
  [2026, 5, 6, 8, 15],
  [[sam, "Hi Felix,\n\nThanks for your message. I can see your Coffee Pantry plan renews on the 20th. " \
         "I will explain the steps in a moment.\n\nSam Porter", [2026, 5, 6, 9, 0], false],
   [felix, "Thank you. Where in my account do I cancel the coffee subscription, and could I skip the next box instead?",
    [2026, 5, 6, 9, 45], false]])
puts JSON.generate([first, second])
