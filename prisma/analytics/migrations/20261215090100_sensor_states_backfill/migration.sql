-- Every open window's sensor has its sensor_states row: the stream locks that row for each
-- batch (and creates it for a new sensor before its first window), so two batches of one
-- sensor never both start from an empty state.
INSERT INTO "sensor_states" ("sensor_id")
SELECT "sensor_id" FROM "open_sensor_windows"
ON CONFLICT DO NOTHING;
