ALTER TABLE "activities" ADD COLUMN "activity_schema_text" text;--> statement-breakpoint
ALTER TABLE "activity_schema_versions" ADD COLUMN "activity_schema_text" text;