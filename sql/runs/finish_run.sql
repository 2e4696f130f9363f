-- A run that reached publication: when it finished and how many files were new, accepted and rejected.
UPDATE runs SET finished_at = $t::TIMESTAMPTZ, status = 'published', files_new = $n, files_accepted = $a, files_rejected = $r WHERE run_id = $id;
