ALTER TABLE "activity_schema_versions" DROP COLUMN IF EXISTS "activity_schema_text";--> statement-breakpoint
ALTER TABLE "activities" DROP COLUMN IF EXISTS "activity_schema_text";
