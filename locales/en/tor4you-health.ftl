# Tor4You health: refusals, webhooks (issue 13)
admin-reason-unverified = Tor4You kept refusing or failing until shortly before the start, so the appointment could not be checked and the reminder was not sent. Call the customer if it matters.
