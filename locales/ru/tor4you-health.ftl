# Tor4You health: refusals, webhooks (issue 13)
admin-reason-unverified = Tor4You отказывал или не отвечал почти до начала записи, поэтому проверить её не удалось и напоминание не отправлено. Позвоните клиенту, если это важно.
