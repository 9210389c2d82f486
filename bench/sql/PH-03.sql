-- PH-03 药店空刷套现 (claim): pharmacy settlement with no lines, or medfee above the lines' sum
-- by more than 0.05.
SELECT count(*)
FROM setl_d s
LEFT JOIN fixmedins_b i ON i.fixmedins_code = s.fixmedins_code
LEFT JOIN (SELECT setl_id, count(*) AS n, coalesce(sum(det_item_fee_sumamt), 0) AS total
           FROM fee_list_d GROUP BY setl_id) l ON l.setl_id = s.setl_id
WHERE (s.med_type = '41' OR i.fixmedins_type = '2')
  AND s.medfee_sumamt > 0
  AND (coalesce(l.n, 0) = 0 OR s.medfee_sumamt - coalesce(l.total, 0) > 5);
