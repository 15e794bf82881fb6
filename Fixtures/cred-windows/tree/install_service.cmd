@echo off
setx APCA_API_KEY_ID AKQ9BKXVCLE4M2K3087Y /M
setx APCA_API_SECRET_KEY 13U0kaLRUoorgcMr2bnGbNgJMt0wgApJB0MLHY8l /M
sc create TraderBot binPath= "C:\trader\bot.exe" start= auto
