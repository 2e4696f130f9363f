-- The commentary files of this run that were loaded (each municipality's newest).
SELECT file_id FROM load_commentary WHERE wins;
