import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContextController } from './context.controller';
import { ContextEntity } from './context.entity';
import { ContextService } from './context.service';

/** The Context Manager. Other modules import it and use ContextService through DI. */
@Module({
  imports: [TypeOrmModule.forFeature([ContextEntity])],
  controllers: [ContextController],
  providers: [ContextService],
  exports: [ContextService],
})
export class ContextModule {}
