-- CH-01 超标准收费 (line): unit price above the catalogue ceiling for the institution's level.
SELECT count(*)
FROM fee_list_d l
JOIN setl_d s ON s.setl_id = l.setl_id
LEFT JOIN fixmedins_b i ON i.fixmedins_code = s.fixmedins_code
LEFT JOIN hilist_b h ON h.hilist_code = l.med_list_codg
WHERE i.hosp_lv IS NOT NULL
  AND l.pric > CASE i.hosp_lv WHEN '3' THEN h.pric_uplmt_lv3
                              WHEN '2' THEN h.pric_uplmt_lv2
                              ELSE h.pric_uplmt_lv1 END + 0;   -- 容差 0.00
