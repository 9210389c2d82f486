-- CH-03 分解收费 (claim, for each group): components of a package (item_rel_b includes) billed on
-- one day without the package, >= 2 distinct codes, total above the package's ceiling. A line
-- belongs to the package with the smallest code_a that includes it.
WITH component AS (
  SELECT code_b, min(code_a) AS package FROM item_rel_b WHERE rel = 'includes' GROUP BY code_b),
split AS (
  SELECT l.setl_id, coalesce(substr(l.fee_ocur_time, 1, 10), s.begndate) AS day, c.package,
         count(DISTINCT l.med_list_codg) AS codes, coalesce(sum(l.det_item_fee_sumamt), 0) AS total
  FROM fee_list_d l
  JOIN setl_d s ON s.setl_id = l.setl_id
  JOIN component c ON c.code_b = l.med_list_codg
  GROUP BY l.setl_id, day, c.package)
SELECT count(*)
FROM split g
JOIN setl_d s ON s.setl_id = g.setl_id
LEFT JOIN fixmedins_b i ON i.fixmedins_code = s.fixmedins_code
LEFT JOIN hilist_b h ON h.hilist_code = g.package
WHERE g.codes >= 2
  AND NOT EXISTS (SELECT 1 FROM fee_list_d x
                  WHERE x.setl_id = g.setl_id AND x.med_list_codg = g.package
                    AND coalesce(substr(x.fee_ocur_time, 1, 10), s.begndate) = g.day)
  AND g.total - CASE WHEN i.hosp_lv IS NULL THEN NULL
                     WHEN i.hosp_lv = '3' THEN h.pric_uplmt_lv3
                     WHEN i.hosp_lv = '2' THEN h.pric_uplmt_lv2
                     ELSE h.pric_uplmt_lv1 END > 0;
