-- Forgets the decisions of one report's blocks ($keys: 'municipality|year') that changed or are gone.
DELETE FROM protection_blocks WHERE target_group = $tg AND list_contains($keys, municipality || '|' || "year");
