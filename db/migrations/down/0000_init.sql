DROP TABLE IF EXISTS "activity_entries";--> statement-breakpoint
DROP TABLE IF EXISTS "activity_schema_versions";--> statement-breakpoint
DROP TABLE IF EXISTS "render_cache";--> statement-breakpoint
DROP TABLE IF EXISTS "activities";--> statement-breakpoint
DROP TYPE IF EXISTS "public"."processing_status";
