-- AlterTable
ALTER TABLE "assets" ADD COLUMN     "declared_relations" JSONB NOT NULL DEFAULT '[]';

