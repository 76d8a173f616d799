calendar-file = 📅 Add to my calendar: open the file to save the appointment in your calendar.
calendar-update-file = 📅 Calendar update: open the file and the appointment moves in your calendar.
calendar-cancel-file = 📅 Calendar cancellation: open the file to remove the appointment from your calendar.
calendar-appointment = Appointment
calendar-description = { $service } with { $staff }, { $business }. { $phone }
