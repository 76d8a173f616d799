# Tor4You health: refusals, webhooks (issue 13)
admin-reason-unverified = Tor4You kept refusing or failing until shortly before the start, so the appointment could not be checked and the reminder was not sent. Call the customer if it matters.
admin-webhooks-title = Webhooks from Tor4You
admin-webhooks-no-key = No webhook key (TOR4YOU_WEBHOOK_KEY) is set: changes arrive only with the periodic scan.
admin-webhooks-never = No verified webhook has arrived yet.
admin-webhooks-last = Last verified webhook: { $at }.
admin-webhooks-wrong-signatures = { $count ->
        [one] One webhook with a wrong signature in the last hour.
       *[other] { $count } webhooks with a wrong signature in the last hour.
    }
admin-webhooks-check-key = Check that TOR4YOU_WEBHOOK_KEY is the key shown in Tor4You's settings menu.
admin-webhooks-off = No webhook for { $hours } hours, while the scan found { $changes } changes made by the business: Tor4You has most likely switched the webhook off.
admin-webhooks-turn-on = To turn it on again: in Tor4You's settings menu, check the webhook URL and reset its retry count.
