-- IP-03 无指征住院 (claim): mild diagnosis (std.lists 轻症诊断), stay <= 5 days, exams and labs
-- >= 90% of the cost net of beds and nursing.
WITH mild(prefix) AS (VALUES ('J00'), ('J02'), ('J03'), ('J06'), ('J20'), ('A09'), ('K29'),
                             ('K30'), ('M54'), ('R42'), ('R51'), ('Z00'), ('Z01'), ('Z13')),
cost AS (
  SELECT s.setl_id,
         coalesce(sum(CASE WHEN h.item_group IN ('CT', 'MRI', 'EXAM', 'LAB') THEN l.det_item_fee_sumamt END), 0) AS exams,
         coalesce(sum(CASE WHEN coalesce(h.item_group, 'OTHER') NOT IN ('BED', 'NURSING') THEN l.det_item_fee_sumamt END), 0) AS care
  FROM setl_d s
  JOIN fee_list_d l ON l.setl_id = s.setl_id
  LEFT JOIN hilist_b h ON h.hilist_code = l.med_list_codg
  WHERE s.med_type = '21'
  GROUP BY s.setl_id)
SELECT count(*)
FROM setl_d s
JOIN cost c ON c.setl_id = s.setl_id
WHERE s.med_type = '21'
  AND EXISTS (SELECT 1 FROM mild WHERE substr(s.dise_codg, 1, 3) = mild.prefix)
  AND max(CAST(julianday(s.enddate) - julianday(s.begndate) AS INTEGER), 1) <= 5
  AND c.care != 0
  AND round(c.exams * 1.0 / c.care, 4) >= 0.90;
