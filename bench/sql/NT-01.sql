-- NT-01 超限定医院等级使用 (line): hospital level below the item's minimum (one-digit codes).
SELECT count(*)
FROM fee_list_d l
JOIN setl_d s ON s.setl_id = l.setl_id
JOIN fixmedins_b i ON i.fixmedins_code = s.fixmedins_code
JOIN hilist_b h ON h.hilist_code = l.med_list_codg
WHERE h.lmt_hosp_lv IS NOT NULL AND i.hosp_lv IS NOT NULL
  AND i.hosp_lv < h.lmt_hosp_lv
  AND l.inscp_scp_amt > 0;
