# Files the copy of an authenticated submission in the sender's own Sent folder, marked
# \Seen, the way QQ Mail and NetEase do. Postfix's submission cleanup adds the sender as
# a "+sent" recipient (sender_bcc_maps); RFC 5233 subaddress picks that copy out here.
require ["envelope", "subaddress", "fileinto", "imap4flags", "mailbox"];

if envelope :detail "to" "sent" {
  if envelope :domain "to" "163.test" {
    fileinto :create :flags "\\Seen" "已发送";
  } else {
    fileinto :create :flags "\\Seen" "Sent Messages";
  }
  stop;
}
