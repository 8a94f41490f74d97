import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { PublicationsModule } from '../publications/publications.module';
import { PortalController } from './portal.controller';
import { PortalRepository } from './portal.repository';
import { PortalService } from './portal.service';
import { PublicController } from './public.controller';
import { PublicationsRepository } from './publications.repository';

@Module({
  imports: [PublicationsModule, CatalogueModule],
  controllers: [PublicController, PortalController],
  providers: [PublicationsRepository, PortalRepository, PortalService],
  exports: [PublicationsRepository],
})
export class PublicModule {}
