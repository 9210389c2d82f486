-- CH-06 目录外或丙类项目纳入医保基金 (line): not in hilist_b, or class 03, with inscp_scp_amt > 0,
-- at an institution that is not a pharmacy (NOT coalesce(药店, false)).
SELECT count(*)
FROM fee_list_d l
JOIN setl_d s ON s.setl_id = l.setl_id
LEFT JOIN fixmedins_b i ON i.fixmedins_code = s.fixmedins_code
LEFT JOIN hilist_b h ON h.hilist_code = l.med_list_codg
WHERE NOT coalesce(s.med_type = '41' OR i.fixmedins_type = '2', 0)
  AND l.med_list_codg IS NOT NULL
  AND (h.hilist_code IS NULL OR h.chrgitm_lv = '03' OR l.chrgitm_lv = '03')
  AND l.inscp_scp_amt > 0;
