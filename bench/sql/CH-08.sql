-- CH-08 临床研究项目纳入医保结算 (line).
SELECT count(*)
FROM fee_list_d l
JOIN setl_d s ON s.setl_id = l.setl_id
JOIN hilist_b h ON h.hilist_code = l.med_list_codg
WHERE h.research_flag = '1' AND l.inscp_scp_amt > 0;
