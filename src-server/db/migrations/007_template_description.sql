-- Templates gained a description and the categories they are suggested for (issue 7). Templates
-- stored before get the defaults the schema gives them, so every stored doc has the same shape
-- whoever reads it (the push mutators, the pull, a superseded push's `current` row).
UPDATE templates
   SET doc = jsonb_build_object('description', '', 'categoryIds', '[]'::jsonb) || doc
 WHERE NOT (doc ? 'description' AND doc ? 'categoryIds');
