-- user.updated keeps contacts current: the channels a customer chose and the revision of
-- their profile applied last (so a stale copy of an older change is never applied).
ALTER TABLE "contacts" ADD COLUMN     "notification_channels" TEXT[] DEFAULT ARRAY['email']::TEXT[],
ADD COLUMN     "profile_revision" INTEGER NOT NULL DEFAULT 0;
