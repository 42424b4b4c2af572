-- Sorted text columns compare by code point ("C"), as SQLite's BINARY does, so
-- the users and groups lists sort alike on every database, whatever collation
-- the database was created with (ICU en-US puts "é" before "f"; C after "z").
-- The sort keys are lower-cased by the code, so this is case-insensitive order.
-- Written by hand: Prisma's schema has no collations, and its diff never touches them.
ALTER TABLE "User" ALTER COLUMN "sortName" TYPE TEXT COLLATE "C";
ALTER TABLE "User" ALTER COLUMN "emailNormalized" TYPE TEXT COLLATE "C";
ALTER TABLE "User" ALTER COLUMN "phone" TYPE TEXT COLLATE "C";
ALTER TABLE "Group" ALTER COLUMN "nameNormalized" TYPE TEXT COLLATE "C";
