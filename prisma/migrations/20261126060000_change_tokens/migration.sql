-- Incremental rescans: a listing's version marker per asset, and when its attributes were last read in full.
ALTER TABLE "assets" ADD COLUMN "change_token" TEXT,
ADD COLUMN "refreshed_at" TIMESTAMPTZ(3);
