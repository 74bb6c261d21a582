-- How many times a delivery or mail was sent: more than once when a
-- sender's lease ran out before it marked one sent and another sender
-- sent it too. The delivery history shows it.
ALTER TABLE deliveries ADD COLUMN sends INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mails ADD COLUMN sends INTEGER NOT NULL DEFAULT 0;
