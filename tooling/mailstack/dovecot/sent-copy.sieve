# Files the copy of an authenticated submission in the sender's own Sent folder, marked
# \Seen, as the providers do. Postfix's submission cleanup adds the sender as a "+sent"
# recipient (sender_bcc_maps); RFC 5233 subaddress picks that copy out here.
# NetEase (163.test): always filed in 已发送. QQ (qq.test): filed in "Sent Messages" only
# when the user turned on "SMTP发信后保存到服务器" — off by default at QQ, so here too;
# createMailUser({ smtpSaveToServer: true }) sets it in the user's passwd-file, which the
# environment item below reads (see the plugin block of dovecot.conf.tmpl). A copy that
# is not filed is discarded, never delivered to the INBOX.
require ["envelope", "subaddress", "fileinto", "imap4flags", "mailbox", "environment",
  "vnd.dovecot.environment"];

if envelope :detail "to" "sent" {
  if envelope :domain "to" "163.test" {
    fileinto :create :flags "\\Seen" "已发送";
  } elsif environment :is "vnd.dovecot.config.smtp_save_sent" "yes" {
    fileinto :create :flags "\\Seen" "Sent Messages";
  } else {
    discard;
  }
  stop;
}
