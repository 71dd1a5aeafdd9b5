# Debian's Redmine under WEBrick on loopback (Debian serves it through Apache/Passenger; the Gemfile
# names no server, so WEBrick is loaded before Bundler narrows the load path).
#   usage: ruby serve.rb PORT        env: DATABASE_URL, RAILS_ENV
require "webrick"
port = Integer(ARGV.fetch(0))
Dir.chdir("/usr/share/redmine")
require "/usr/share/redmine/config/environment"
require "rack/handler/webrick"
Rack::Handler::WEBrick.run(Rails.application, Host: "127.0.0.1", Port: port, AccessLog: [],
                           Logger: WEBrick::Log.new($stderr, WEBrick::Log::WARN))
